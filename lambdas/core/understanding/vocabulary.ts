/**
 * Words that carry no service: how people ask ("naaku … kavali", "I want …", "నాకు … కావాలి"), in English, Telugu
 * in Latin letters and Telugu script. They never count towards a service and are never matched loosely.
 */
export const FILLER_WORDS = new Set([
  // English
  ...'i me my we our us want wanted need needed to a an the for of please pls plz kindly apply applying get got is am are was in on at and with do can you how give me this that it have has sir madam want help about my mine be want would like let know what where when which required require regarding request name'.split(
    ' ',
  ),
  // Telugu in Latin letters
  ...'naaku naku na naa maa ma mana kavali kaavali kavalandi kaavalandi kavalenu kaavaali kavaali kaavalenu cheyali cheyyali cheyandi kattali kattaali kattalani lo loni ki ku ni nu oka okati andi garu undi unnadi ivvandi kosam ela emi enti nenu memu meeru dayachesi please ga gaa tho inka mariyu kuda kooda chesi cheyyandi kavalani kaavalani apply chestunna chestanu peru'.split(
    ' ',
  ),
  // Telugu script
  ...'నాకు నా మా మాకు మన కావాలి కావలెను కావాలండి చేయాలి కట్టాలి లో కి కు ని ను ఒక అండి గారు ఉంది ఇవ్వండి కోసం ఎలా ఏమి నేను మేము మీరు దయచేసి తో ఇంకా మరియు కూడా చేయండి పేరు'.split(
    ' ',
  ),
]);

/**
 * Words people use for the same thing, mapped to one spelling before matching, so that a Telugu or Latin-letter word
 * finds a service named in the other script ("patram", "సర్టిఫికెట్" and "certificate" are one word here).
 */
const SAME_WORDS: Record<string, string[]> = {
  certificate: [
    'certificate',
    'certificat',
    'certficate',
    'certifcate',
    'sertificate',
    'sartificate',
    'cert',
    'patram',
    'pathram',
    'patramu',
    'dhruvikarana',
    'dhruveekarana',
    'druvikarana',
    'పత్రం',
    'పత్రము',
    'సర్టిఫికెట్',
    'సర్టిఫికేట్',
    'సర్టిఫికెట్టు',
    'ధృవీకరణ',
    'దృవీకరణ',
    'ధ్రువీకరణ',
    'ధృవపత్రం',
  ],
  bill: ['bill', 'bil', 'billu', 'బిల్లు', 'బిల్'],
  complaint: ['complaint', 'complain', 'complant', 'firyadu', 'phiryadu', 'firyaadu', 'ఫిర్యాదు'],
  ticket: ['ticket', 'tickets', 'tiket', 'tikket', 'టికెట్', 'టికెట్లు', 'టిక్కెట్'],
  status: ['status', 'sthiti', 'stithi', 'స్థితి', 'స్టేటస్'],
  electricity: ['electricity', 'current', 'karent', 'karentu', 'vidyut', 'విద్యుత్', 'కరెంట్', 'కరెంటు'],
  income: ['income', 'incom', 'incum', 'incme', 'aadayam', 'adayam', 'aadaya', 'ఆదాయం', 'ఆదాయ', 'ఇన్కమ్', 'ఇన్‌కమ్'],
  caste: ['caste', 'cast', 'kulam', 'kula', 'కులం', 'కుల', 'క్యాస్ట్'],
  birth: ['birth', 'janana', 'puttina', 'జనన', 'పుట్టిన'],
  death: ['death', 'marana', 'maranam', 'మరణ', 'మరణం'],
  water: ['water', 'neeru', 'neeti', 'nitti', 'నీటి', 'నీరు'],
  tax: ['tax', 'pannu', 'పన్ను'],
  card: ['card', 'kaardu', 'కార్డు', 'కార్డ్'],
  pension: ['pension', 'penshan', 'pinchan', 'పెన్షన్', 'పింఛన్', 'పింఛను'],
  scholarship: ['scholarship', 'scholorship', 'skolarship', 'స్కాలర్‌షిప్', 'స్కాలర్షిప్'],
  house: ['house', 'illu', 'inti', 'ఇల్లు', 'ఇంటి'],
  land: ['land', 'bhoomi', 'bhumi', 'భూమి', 'భూ'],
  hospital: ['hospital', 'aasupatri', 'asupatri', 'ఆసుపత్రి', 'హాస్పిటల్'],
  road: ['road', 'roddu', 'రోడ్డు', 'రోడ్'],
  bus: ['bus', 'బస్', 'బస్సు'],
  marriage: ['marriage', 'pelli', 'vivaham', 'వివాహ', 'వివాహం', 'పెళ్లి'],
  temple: ['temple', 'gudi', 'devalayam', 'దేవాలయ', 'దేవాలయం', 'గుడి'],
  ration: ['ration', 'raishan', 'రేషన్'],
  rice: ['rice', 'biyyam', 'బియ్యం'],
  meter: ['meter', 'meeter', 'మీటర్'],
  new: ['new', 'kotta', 'kottha', 'కొత్త'],
  licence: ['licence', 'license', 'lisence', 'licence', 'లైసెన్స్'],
  school: ['school', 'badi', 'paathashala', 'పాఠశాల', 'బడి', 'స్కూల్'],
  hostel: ['hostel', 'హాస్టల్'],
  loan: ['loan', 'runam', 'రుణం', 'లోన్'],
  drinking: ['drinking', 'taagu', 'thagu', 'తాగు', 'తాగునీరు'],
  street: ['street', 'veedhi', 'వీధి'],
  light: ['light', 'deepam', 'lights', 'దీపం', 'లైట్'],
};

const CANONICAL = new Map(
  Object.entries(SAME_WORDS).flatMap(([canonical, words]) => words.map((word) => [word, canonical] as const)),
);

/** The one spelling of a word that has several (see SAME_WORDS); other words unchanged. */
export const canonicalWord = (word: string): string => CANONICAL.get(word) ?? word;

/** Words that mark a request, not just a search for a service's name. */
export const REQUEST_WORDS = new Set([
  ...'want need apply book pay kavali kaavali kavalandi kaavaali kavaali kattali kattaali cheyali cheyyali register file report renew issue get please kavalani kaavalani'.split(
    ' ',
  ),
  ...'కావాలి కావలెను కట్టాలి చేయాలి బుక్ కావాలండి ఇవ్వండి'.split(' '),
]);
