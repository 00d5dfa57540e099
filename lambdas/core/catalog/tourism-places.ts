/**
 * The places AP Tourism sells: its Haritha hotels, its tour packages, its boating points and the heritage sites with
 * approved guides. Each is one option of its question (`label`, a list row of at most 24 characters) and one resource
 * of its inventory (`name`, said in the slot list and printed on the ticket, with its times, places and price in
 * rupees). One table for both, so every option of the question has its resource and the other way round.
 */
interface Place {
  label: readonly [string, string];
  name: readonly [string, string];
  times: readonly string[];
  places: number;
  rupees: number;
}

/** Rooms of each Haritha hotel: per room per night, check-in at noon. */
export const HARITHA_HOTELS = {
  'haritha-araku': {
    label: ['Araku Valley', 'అరకు లోయ'],
    name: ['Haritha Valley Resort, Araku', 'హరిత వ్యాలీ రిసార్ట్, అరకు'],
    times: ['12:00'],
    places: 40,
    rupees: 2500,
  },
  'haritha-rushikonda': {
    label: ['Rushikonda (Vizag)', 'రుషికొండ (విశాఖ)'],
    name: ['Haritha Beach Resort, Rushikonda, Visakhapatnam', 'హరిత బీచ్ రిసార్ట్, రుషికొండ, విశాఖపట్నం'],
    times: ['12:00'],
    places: 50,
    rupees: 3500,
  },
  'haritha-srisailam': {
    label: ['Srisailam', 'శ్రీశైలం'],
    name: ['Haritha Hotel, Srisailam', 'హరిత హోటల్, శ్రీశైలం'],
    times: ['12:00'],
    places: 30,
    rupees: 1500,
  },
  'haritha-tirupati': {
    label: ['Tirupati', 'తిరుపతి'],
    name: ['Haritha Hotel, Tirupati', 'హరిత హోటల్, తిరుపతి'],
    times: ['12:00'],
    places: 40,
    rupees: 1800,
  },
  'haritha-bhavani-island': {
    label: ['Bhavani Island', 'భవానీ ద్వీపం'],
    name: ['Haritha Bhavani Island Resort, Vijayawada', 'హరిత భవానీ ద్వీపం రిసార్ట్, విజయవాడ'],
    times: ['12:00'],
    places: 20,
    rupees: 2000,
  },
  'haritha-horsley-hills': {
    label: ['Horsley Hills', 'హార్సిలీ హిల్స్'],
    name: ['Haritha Hill Resort, Horsley Hills', 'హరిత హిల్ రిసార్ట్, హార్సిలీ హిల్స్'],
    times: ['12:00'],
    places: 25,
    rupees: 2200,
  },
  'haritha-gandikota': {
    label: ['Gandikota', 'గండికోట'],
    name: ['Haritha Hotel, Gandikota', 'హరిత హోటల్, గండికోట'],
    times: ['12:00'],
    places: 20,
    rupees: 1500,
  },
} as const satisfies Record<string, Place>;

/** Seats on each tour's coach: per person, at the departure time. */
export const TOURS = {
  'araku-day-tour': {
    label: ['Araku Valley day tour', 'అరకు లోయ పర్యటన'],
    name: ['Araku Valley day tour from Visakhapatnam', 'విశాఖపట్నం నుండి అరకు లోయ ఒక్క రోజు పర్యటన'],
    times: ['07:00'],
    places: 40,
    rupees: 1200,
  },
  'tirupati-tirumala': {
    label: ['Tirupati–Tirumala', 'తిరుపతి–తిరుమల'],
    name: ['Tirupati–Tirumala temples tour', 'తిరుపతి–తిరుమల ఆలయాల పర్యటన'],
    times: ['05:30', '13:00'],
    places: 40,
    rupees: 1600,
  },
  'srisailam-tour': {
    label: ['Srisailam', 'శ్రీశైలం'],
    name: ['Srisailam tour from Vijayawada', 'విజయవాడ నుండి శ్రీశైలం పర్యటన'],
    times: ['06:00'],
    places: 40,
    rupees: 1500,
  },
  'vizag-city-tour': {
    label: ['Visakhapatnam city', 'విశాఖపట్నం నగరం'],
    name: ['Visakhapatnam city tour', 'విశాఖపట్నం నగర పర్యటన'],
    times: ['09:00', '14:00'],
    places: 30,
    rupees: 600,
  },
  'amaravati-tour': {
    label: ['Vijayawada–Amaravati', 'విజయవాడ–అమరావతి'],
    name: ['Vijayawada–Amaravati heritage tour', 'విజయవాడ–అమరావతి వారసత్వ పర్యటన'],
    times: ['08:30'],
    places: 30,
    rupees: 700,
  },
  'lambasingi-tour': {
    label: ['Lambasingi', 'లంబసింగి'],
    name: ['Lambasingi day tour from Visakhapatnam', 'విశాఖపట్నం నుండి లంబసింగి ఒక్క రోజు పర్యటన'],
    times: ['05:00'],
    places: 30,
    rupees: 1100,
  },
} as const satisfies Record<string, Place>;

/** Seats on each boating point's rides: per person, at each ride's time. */
export const BOATING_POINTS = {
  papikondalu: {
    label: ['Papikondalu (Godavari)', 'పాపికొండలు (గోదావరి)'],
    name: ['Papikondalu cruise on the Godavari, from Pochavaram', 'పోచవరం నుండి గోదావరిపై పాపికొండలు విహారం'],
    times: ['08:00'],
    places: 100,
    rupees: 1250,
  },
  'bhavani-island': {
    label: ['Bhavani Island', 'భవానీ ద్వీపం'],
    name: ['Bhavani Island boating, Vijayawada', 'భవానీ ద్వీపం బోటింగ్, విజయవాడ'],
    times: ['10:00', '11:30', '14:00', '15:30', '17:00'],
    places: 40,
    rupees: 150,
  },
  rushikonda: {
    label: ['Rushikonda beach', 'రుషికొండ బీచ్'],
    name: ['Rushikonda beach boating, Visakhapatnam', 'రుషికొండ బీచ్ బోటింగ్, విశాఖపట్నం'],
    times: ['09:00', '11:00', '15:00', '17:00'],
    places: 20,
    rupees: 400,
  },
  kolleru: {
    label: ['Kolleru lake', 'కొల్లేరు సరస్సు'],
    name: ['Kolleru lake boating, Atapaka', 'కొల్లేరు సరస్సు బోటింగ్, ఆటపాక'],
    times: ['07:00', '09:00', '16:00'],
    places: 20,
    rupees: 200,
  },
  'nagarjuna-sagar': {
    label: ['Nagarjuna Sagar', 'నాగార్జున సాగర్'],
    name: ['Nagarjuna Sagar launch to Nagarjunakonda', 'నాగార్జున సాగర్ నుండి నాగార్జునకొండకు లాంచీ'],
    times: ['09:30', '11:30', '13:30'],
    places: 60,
    rupees: 200,
  },
} as const satisfies Record<string, Place>;

/** The approved guides at each heritage site: a guide per booking, at each walk's start. */
export const HERITAGE_SITES = {
  lepakshi: {
    label: ['Lepakshi', 'లేపాక్షి'],
    name: ['Lepakshi Veerabhadra temple', 'లేపాక్షి వీరభద్ర ఆలయం'],
    times: ['09:00', '11:00', '14:00', '16:00'],
    places: 4,
    rupees: 500,
  },
  gandikota: {
    label: ['Gandikota', 'గండికోట'],
    name: ['Gandikota fort and gorge', 'గండికోట కోట, లోయ'],
    times: ['07:00', '09:00', '15:00'],
    places: 4,
    rupees: 500,
  },
  amaravati: {
    label: ['Amaravati', 'అమరావతి'],
    name: ['Amaravati stupa and museum', 'అమరావతి స్తూపం, మ్యూజియం'],
    times: ['09:00', '11:00', '14:00'],
    places: 3,
    rupees: 500,
  },
  'borra-caves': {
    label: ['Borra Caves', 'బొర్రా గుహలు'],
    name: ['Borra Caves, Araku', 'బొర్రా గుహలు, అరకు'],
    times: ['10:00', '12:00', '14:00'],
    places: 4,
    rupees: 500,
  },
  'belum-caves': {
    label: ['Belum Caves', 'బెలూం గుహలు'],
    name: ['Belum Caves, Kolimigundla', 'బెలూం గుహలు, కొలిమిగుండ్ల'],
    times: ['10:00', '12:00', '14:00'],
    places: 3,
    rupees: 500,
  },
  'undavalli-caves': {
    label: ['Undavalli Caves', 'ఉండవల్లి గుహలు'],
    name: ['Undavalli rock-cut caves', 'ఉండవల్లి గుహాలయాలు'],
    times: ['09:00', '11:00', '15:00'],
    places: 2,
    rupees: 500,
  },
} as const satisfies Record<string, Place>;

/** The options of a question over one of these tables: each place's id and its list label. */
export function placeOptions(places: Record<string, Place>) {
  return Object.entries(places).map(([id, place]) => ({ id, label: { en: place.label[0], te: place.label[1] } }));
}
