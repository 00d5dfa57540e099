import { fact, istDay, type LocalFact, morningBulletin, type RegisterEntry, text } from './status-record.ts';

// Daily district bulletins (blood banks, reservoirs, vaccination camps, job notifications) for the sample citizens'
// districts, published at 06:00 IST each day of the runtime's clock; dates ahead are counted from that day.

interface District {
  id: string;
  name: [string, string];
  bloodBanks: [string, string, number[]][];
  reservoirs: LocalFact[];
  camps: [string, string][];
}

const DISTRICTS: District[] = [
  {
    id: 'guntur',
    name: ['Guntur', 'గుంటూరు'],
    bloodBanks: [
      ['Government General Hospital, Guntur', 'ప్రభుత్వ సాధారణ ఆసుపత్రి, గుంటూరు', [14, 22, 31, 6, 2, 3, 1, 0]],
      ['Area Hospital, Tenali', 'ఏరియా ఆసుపత్రి, తెనాలి', [5, 9, 12, 2, 0, 1, 1, 0]],
    ],
    reservoirs: [
      fact(
        'Pulichintala',
        'పులిచింతల',
        'Level 172.4 ft of 175 ft; 41.2 of 45.77 TMC (90%)',
        'మట్టం 175 అడుగులకు 172.4 అడుగులు; 45.77 టీఎంసీలకు 41.2 టీఎంసీలు (90%)',
      ),
      fact(
        'Nagarjuna Sagar',
        'నాగార్జున సాగర్',
        'Level 586.3 ft of 590 ft; 301.6 of 312.05 TMC (97%)',
        'మట్టం 590 అడుగులకు 586.3 అడుగులు; 312.05 టీఎంసీలకు 301.6 టీఎంసీలు (97%)',
      ),
    ],
    camps: [
      ['Veterinary dispensary, Tadikonda', 'పశు వైద్యశాల, తాడికొండ'],
      ['Veterinary hospital, Tenali', 'పశు వైద్యశాల, తెనాలి'],
      ['Rythu Seva Kendram, Pedakakani', 'రైతు సేవా కేంద్రం, పెదకాకాని'],
    ],
  },
  {
    id: 'krishna',
    name: ['Krishna', 'కృష్ణా'],
    bloodBanks: [
      ['District Hospital, Machilipatnam', 'జిల్లా ఆసుపత్రి, మచిలీపట్నం', [9, 15, 18, 3, 1, 2, 0, 0]],
      ['Area Hospital, Gudivada', 'ఏరియా ఆసుపత్రి, గుడివాడ', [4, 7, 10, 1, 0, 0, 1, 0]],
    ],
    reservoirs: [
      fact(
        'Prakasam Barrage',
        'ప్రకాశం బ్యారేజీ',
        'Pond level 12.0 ft (full); 3.07 TMC; 4,250 cusecs released downstream',
        'నీటి మట్టం 12.0 అడుగులు (పూర్తి); 3.07 టీఎంసీలు; దిగువకు 4,250 క్యూసెక్కుల విడుదల',
      ),
    ],
    camps: [
      ['Veterinary hospital, Machilipatnam', 'పశు వైద్యశాల, మచిలీపట్నం'],
      ['Rythu Seva Kendram, Pedana', 'రైతు సేవా కేంద్రం, పెడన'],
      ['Veterinary dispensary, Avanigadda', 'పశు వైద్యశాల, అవనిగడ్డ'],
    ],
  },
  {
    id: 'kurnool',
    name: ['Kurnool', 'కర్నూలు'],
    bloodBanks: [
      ['Government General Hospital, Kurnool', 'ప్రభుత్వ సాధారణ ఆసుపత్రి, కర్నూలు', [12, 19, 27, 4, 1, 2, 2, 1]],
      ['Area Hospital, Adoni', 'ఏరియా ఆసుపత్రి, ఆదోని', [3, 6, 8, 1, 0, 1, 0, 0]],
    ],
    reservoirs: [
      fact(
        'Srisailam',
        'శ్రీశైలం',
        'Level 881.2 ft of 885 ft; 196.4 of 215.81 TMC (91%)',
        'మట్టం 885 అడుగులకు 881.2 అడుగులు; 215.81 టీఎంసీలకు 196.4 టీఎంసీలు (91%)',
      ),
      fact(
        'Sunkesula Barrage',
        'సుంకేసుల బ్యారేజీ',
        '1.1 of 1.2 TMC (92%); KC Canal drawing 2,100 cusecs',
        '1.2 టీఎంసీలకు 1.1 టీఎంసీలు (92%); కేసీ కాలువకు 2,100 క్యూసెక్కులు',
      ),
    ],
    camps: [
      ['Veterinary hospital, Kurnool', 'పశు వైద్యశాల, కర్నూలు'],
      ['Rythu Seva Kendram, Kodumur', 'రైతు సేవా కేంద్రం, కోడుమూరు'],
      ['Veterinary dispensary, Pattikonda', 'పశు వైద్యశాల, పత్తికొండ'],
    ],
  },
];

const GROUPS = ['A+', 'B+', 'O+', 'AB+', 'A−', 'B−', 'O−', 'AB−'];

function bulletins(district: District, now: Date): RegisterEntry[] {
  const [en, te] = district.name;
  const key = { district: district.id };
  const updatedAt = morningBulletin(now);
  return [
    {
      service: 'health.blood-availability',
      key,
      record: {
        title: text(`Blood in government blood banks, ${en} district`, `ప్రభుత్వ బ్లడ్ బ్యాంకుల్లో రక్తం, ${te} జిల్లా`),
        facts: [
          ...district.bloodBanks.map(([bank, bankTe, units]) => {
            const stock = GROUPS.map((group, i) => `${group} ${units[i]}`).join(', ');
            return fact(bank, bankTe, `${stock} units`, `${stock} యూనిట్లు`);
          }),
          fact(
            'Before you go',
            'వెళ్లే ముందు',
            'Stock changes through the day: call the blood bank first',
            'నిల్వ రోజంతా మారుతుంది: ముందుగా బ్లడ్ బ్యాంకుకు ఫోన్ చేయండి',
          ),
        ],
        updatedAt,
      },
    },
    {
      service: 'water-resources.reservoir-levels',
      key,
      record: {
        title: text(`Reservoirs serving ${en} district`, `${te} జిల్లాకు నీరందించే జలాశయాలు`),
        facts: district.reservoirs,
        updatedAt,
      },
    },
    {
      service: 'animal-husbandry.vaccination-camp',
      key,
      record: {
        title: text(`Livestock vaccination camps, ${en} district`, `పశువుల టీకా శిబిరాలు, ${te} జిల్లా`),
        facts: district.camps.map(([place, placeTe], i) =>
          fact(
            place,
            placeTe,
            `${i === 1 ? 'Lumpy skin disease' : 'Foot and mouth disease'} vaccine, ${istDay(now, 3 + 4 * i)}, 7 am to noon`,
            `${i === 1 ? 'లంపీ చర్మ వ్యాధి' : 'గాలికుంటు వ్యాధి'} టీకా, ${istDay(now, 3 + 4 * i)}, ఉదయం 7 నుండి మధ్యాహ్నం 12 వరకు`,
          ),
        ),
        updatedAt,
      },
    },
    {
      service: 'employment.vacancy-alerts',
      key,
      record: {
        title: text(`Government job notifications, ${en} district`, `ప్రభుత్వ ఉద్యోగ నోటిఫికేషన్లు, ${te} జిల్లా`),
        facts: [
          fact(
            'APPSC Group-II services',
            'ఏపీపీఎస్సీ గ్రూప్-II సర్వీసులు',
            `897 posts across the state; apply by ${istDay(now, 21)}`,
            `రాష్ట్రవ్యాప్తంగా 897 పోస్టులు; ${istDay(now, 21)} లోగా దరఖాస్తు చేయండి`,
          ),
          fact(
            'Mega DSC: teacher posts',
            'మెగా డీఎస్సీ: ఉపాధ్యాయ పోస్టులు',
            `${district.id === 'kurnool' ? 742 : 618} posts in ${en} district; apply by ${istDay(now, 30)}`,
            `${te} జిల్లాలో ${district.id === 'kurnool' ? 742 : 618} పోస్టులు; ${istDay(now, 30)} లోగా దరఖాస్తు చేయండి`,
          ),
          fact(
            'District court: office subordinates',
            'జిల్లా కోర్టు: ఆఫీస్ సబార్డినేట్లు',
            `24 posts; apply by ${istDay(now, 12)}`,
            `24 పోస్టులు; ${istDay(now, 12)} లోగా దరఖాస్తు చేయండి`,
          ),
        ],
        updatedAt,
      },
    },
  ];
}

/** The bulletins of every sample district, as they read on `now`'s day. */
export function districtBulletins(now: Date): RegisterEntry[] {
  return DISTRICTS.flatMap((district) => bulletins(district, now));
}
