/**
 * What a citizen reads while booking a bus seat: the questions, the services, the seats, the hold, the refund. Same
 * rules as strings.ts, which includes them.
 */
export const bookingStrings = {
  busAskFrom: {
    en: '*Bus ticket* (APSRTC). From which town or bus station? Type its name, e.g. Vijayawada.',
    te: '*బస్ టికెట్* (ఏపీఎస్ఆర్టీసీ). ఏ పట్టణం లేదా బస్ స్టేషన్ నుండి? పేరు టైప్ చేయండి, ఉదా. విజయవాడ.',
  },
  busAskTo: {
    en: 'From {from}. To which town or bus station?',
    te: '{from} నుండి. ఏ పట్టణం లేదా బస్ స్టేషన్‌కు?',
  },
  busUnknownPlace: {
    en: 'Sorry, APSRTC reservations do not know the place "{typed}". Please type the town’s name again, e.g. Guntur, Tirupati, Visakhapatnam.',
    te: 'క్షమించండి, "{typed}" అనే ప్రదేశం ఏపీఎస్ఆర్టీసీ రిజర్వేషన్లలో లేదు. పట్టణం పేరు మళ్లీ టైప్ చేయండి, ఉదా. గుంటూరు, తిరుపతి, విశాఖపట్నం.',
  },
  busSamePlace: {
    en: 'The journey must end somewhere else than {from}. To which town or bus station?',
    te: 'ప్రయాణం {from} కాకుండా వేరే చోటికి ఉండాలి. ఏ పట్టణం లేదా బస్ స్టేషన్‌కు?',
  },
  busAskDate: {
    en: '{from} → {to}. On which date? Type it as DD-MM-YYYY (today up to {days} days ahead).',
    te: '{from} → {to}. ఏ తేదీన? DD-MM-YYYY గా టైప్ చేయండి (ఈ రోజు నుండి {days} రోజుల వరకు).',
  },
  busDateTooFar: {
    en: 'Seats can be booked up to {days} days ahead. Please type a date until {last}.',
    te: 'సీట్లు {days} రోజుల ముందు వరకు మాత్రమే బుక్ చేయవచ్చు. {last} లోపు తేదీ టైప్ చేయండి.',
  },
  busNoServices: {
    en: 'No APSRTC bus goes from {from} to {to} on {date}. Type another date, or "menu".',
    te: '{date} న {from} నుండి {to} కు ఏపీఎస్ఆర్టీసీ బస్సు లేదు. మరో తేదీ టైప్ చేయండి, లేదా "మెను".',
  },
  busUnavailable: {
    en: 'APSRTC reservations are not answering just now. Please try again in a few minutes.',
    te: 'ఏపీఎస్ఆర్టీసీ రిజర్వేషన్లు ప్రస్తుతం స్పందించడం లేదు. కొన్ని నిమిషాల తర్వాత మళ్లీ ప్రయత్నించండి.',
  },
  busServicesIntro: {
    en: 'Buses from {from} to {to} on {date}: departure, type, fare per seat and seats left. Choose one.',
    te: '{date} న {from} నుండి {to} కు బస్సులు: బయలుదేరే సమయం, రకం, ఒక్కో సీటు ఛార్జీ, మిగిలిన సీట్లు. ఒకటి ఎంచుకోండి.',
  },
  busServicesButton: { en: 'Buses', te: 'బస్సులు' },
  busServicesSection: { en: 'Departures', te: 'బయలుదేరే సమయాలు' },
  busServiceRow: {
    en: '{fare} · {seats} seats left · arrives {arrives}',
    te: '{fare} · {seats} సీట్లు ఉన్నాయి · చేరేది {arrives}',
  },
  busSeatMap: {
    en: '{bus}, {date}, departs {departs}, {fare} a seat.\nFree seats: {free}\nSeats for women (free): {women}\n\nType the seat numbers you want, e.g. "{example}" (up to {max}).',
    te: '{bus}, {date}, బయలుదేరేది {departs}, ఒక్కో సీటు {fare}.\nఖాళీ సీట్లు: {free}\nమహిళలకు కేటాయించిన సీట్లు (ఖాళీ): {women}\n\nమీకు కావలసిన సీట్ల నంబర్లు టైప్ చేయండి, ఉదా. "{example}" ({max} వరకు).',
  },
  busNoSeats: { en: 'none', te: 'లేవు' },
  busSeatsNotFree: {
    en: 'Seats {seats} are not free on this bus. Please type other seat numbers.',
    te: 'ఈ బస్సులో {seats} సీట్లు ఖాళీగా లేవు. వేరే సీట్ల నంబర్లు టైప్ చేయండి.',
  },
  busTooManySeats: {
    en: 'At most {max} seats can be booked at once. Please type up to {max} seat numbers.',
    te: 'ఒకసారి {max} సీట్ల వరకు మాత్రమే బుక్ చేయవచ్చు. {max} వరకు సీట్ల నంబర్లు టైప్ చేయండి.',
  },
  busAskPassenger: {
    en: 'Passenger {index} of {count} (seat {seat}{women}): type name, age, gender, e.g. "Ravi Kumar, 34, M" (M, F or other).',
    te: 'ప్రయాణికుడు {index}/{count} (సీటు {seat}{women}): పేరు, వయసు, లింగం టైప్ చేయండి, ఉదా. "రవి కుమార్, 34, పు" (పు, స్త్రీ లేదా ఇతర).',
  },
  busWomenSeat: { en: ', for women', te: ', మహిళలకు' },
  busBadPassenger: {
    en: 'Please type the passenger as name, age, gender, e.g. "Lakshmi Devi, 30, F".',
    te: 'ప్రయాణికుడి వివరాలు పేరు, వయసు, లింగం గా టైప్ చేయండి, ఉదా. "లక్ష్మి దేవి, 30, స్త్రీ".',
  },
  busWomenOnly: {
    en: 'Seat {seat} is reserved for women. Please type a woman passenger for it, or "back" to choose other seats.',
    te: 'సీటు {seat} మహిళలకు కేటాయించబడింది. దానికి మహిళా ప్రయాణికురాలిని టైప్ చేయండి, లేదా వేరే సీట్ల కోసం "వెనుకకు".',
  },
  busReview: {
    en: '*Please check your booking*\n{from} → {to}\n{bus}, {date}, departs {departs}\nSeats: {seats}\nPassengers: {passengers}\nFare: {amount}\n\nThe seats are held for {minutes} minutes while you pay.',
    te: '*మీ బుకింగ్ సరిచూసుకోండి*\n{from} → {to}\n{bus}, {date}, బయలుదేరేది {departs}\nసీట్లు: {seats}\nప్రయాణికులు: {passengers}\nఛార్జీ: {amount}\n\nమీరు చెల్లించే వరకు సీట్లు {minutes} నిమిషాలు మీ కోసం ఉంచబడతాయి.',
  },
  busHoldButton: { en: 'Hold and pay', te: 'ఉంచి చెల్లించు' },
  busHeld: {
    en: 'Seats {seats} are held for you until {until} (booking {applicationId}, {amount}). The payment request follows; the e-ticket arrives once it is paid.',
    te: 'సీట్లు {seats} {until} వరకు మీ కోసం ఉంచబడ్డాయి (బుకింగ్ {applicationId}, {amount}). చెల్లింపు అభ్యర్థన తర్వాత వస్తుంది; చెల్లించిన వెంటనే ఈ-టికెట్ వస్తుంది.',
  },
  busSeatsTaken: {
    en: 'Sorry, seats {seats} were just taken by someone else. Here are the seats free now.',
    te: 'క్షమించండి, సీట్లు {seats} ఇప్పుడే వేరొకరు తీసుకున్నారు. ఇప్పుడు ఖాళీగా ఉన్న సీట్లు ఇవి.',
  },
  bookingRefundDue: {
    en: 'Your payment of {amount} for booking {applicationId} ({service}) came after the seats’ hold had lapsed, so nothing was booked. The full amount will be refunded to you; nothing more is needed from you.',
    te: 'బుకింగ్ {applicationId} ({service}) కోసం మీ చెల్లింపు {amount} సీట్ల గడువు ముగిసిన తర్వాత వచ్చింది, కాబట్టి ఏదీ బుక్ కాలేదు. మొత్తం డబ్బు మీకు వాపసు చేయబడుతుంది; మీరు ఇంకేమీ చేయనవసరం లేదు.',
  },
  slotIntro: {
    en: '{place}, {date}: {places}, {price}. Choose the time of your slot.',
    te: '{place}, {date}: {places}, {price}. మీకు కావలసిన సమయాన్ని ఎంచుకోండి.',
  },
  /** A number of places, as the inventory calls one (its `unit`). */
  slotTickets: { en: '{count|# ticket|# tickets}', te: '{count|# టికెట్|# టికెట్లు}' },
  slotRooms: { en: '{count|# room|# rooms}', te: '{count|# గది|# గదులు}' },
  slotAppointments: {
    en: '{count|# appointment|# appointments}',
    te: '{count|# అపాయింట్‌మెంట్|# అపాయింట్‌మెంట్లు}',
  },
  slotButton: { en: 'Times', te: 'సమయాలు' },
  slotSection: { en: 'Slots', te: 'స్లాట్లు' },
  slotHeld: {
    en: '{count|# place|# places} at {time} on {date} held for you until {until} (booking {applicationId}, {amount}). The payment request follows; the e-ticket arrives once it is paid.',
    te: '{date} న {time} కు {count|# స్థానం|# స్థానాలు} {until} వరకు మీ కోసం ఉంచబడ్డాయి (బుకింగ్ {applicationId}, {amount}). చెల్లింపు అభ్యర్థన తర్వాత వస్తుంది; చెల్లించిన వెంటనే ఈ-టికెట్ వస్తుంది.',
  },
  slotHeldFree: {
    en: '{count|# place|# places} at {time} on {date} held for you (booking {applicationId}, free of charge). The e-ticket follows in a moment.',
    te: '{date} న {time} కు {count|# స్థానం|# స్థానాలు} మీ కోసం ఉంచబడ్డాయి (బుకింగ్ {applicationId}, ఉచితం). ఈ-టికెట్ కొద్దిసేపట్లో వస్తుంది.',
  },
  slotFree: { en: 'free', te: 'ఉచితం' },
  slotSoldOut: {
    en: 'Sorry, the {time} slot has no places left for that many. Please choose another time.',
    te: 'క్షమించండి, {time} స్లాట్‌లో అంతమందికి స్థానాలు లేవు. వేరే సమయం ఎంచుకోండి.',
  },
  slotQuota: {
    en: 'One person may book at most {places} a month, and this booking would go over it. Please book fewer, or in another month.',
    te: 'ఒక వ్యక్తి నెలకు గరిష్ఠంగా {places} మాత్రమే బుక్ చేయవచ్చు; ఈ బుకింగ్ దాన్ని మించుతుంది. తక్కువ లేదా వేరే నెలలో బుక్ చేయండి.',
  },
  slotTooMany: {
    en: 'At most {places} can be booked at once. Please start again with fewer.',
    te: 'ఒకసారి {places} వరకు మాత్రమే బుక్ చేయవచ్చు. తక్కువ సంఖ్యతో మళ్లీ ప్రారంభించండి.',
  },
  slotUnavailable: {
    en: 'Bookings are not answering just now. Please try again in a few minutes.',
    te: 'బుకింగ్‌లు ప్రస్తుతం స్పందించడం లేదు. కొన్ని నిమిషాల తర్వాత మళ్లీ ప్రయత్నించండి.',
  },
  // Cancelling a ticket in the chat.
  ticketLine: { en: 'PNR {pnr}: {what}, {date} {time}', te: 'పీఎన్ఆర్ {pnr}: {what}, {date} {time}' },
  ticketCancelQuote: {
    en: '*Cancel this ticket?*\n{ticket}\nPaid {paid}. Cancelled now, {refund} is refunded to the account you paid from ({kept} kept by the cancellation rules). The places go back on sale and the ticket stops being valid.',
    te: '*ఈ టికెట్ రద్దు చేయాలా?*\n{ticket}\nచెల్లించినది {paid}. ఇప్పుడు రద్దు చేస్తే, {refund} మీరు చెల్లించిన ఖాతాకు వాపసు అవుతుంది (రద్దు నియమాల ప్రకారం {kept} మినహాయింపు). స్థానాలు మళ్లీ అమ్మకానికి వస్తాయి, టికెట్ చెల్లదు.',
  },
  ticketCancelButton: { en: 'Cancel ticket', te: 'టికెట్ రద్దు' },
  ticketKeepButton: { en: 'Keep ticket', te: 'టికెట్ ఉంచండి' },
  ticketCancellingFree: { en: 'Cancelling ticket {pnr}…', te: 'టికెట్ {pnr} రద్దు చేస్తున్నాం…' },
  ticketCancelling: {
    en: 'Cancelling ticket {pnr} and asking for the refund…',
    te: 'టికెట్ {pnr} రద్దు చేసి వాపసు కోరుతున్నాం…',
  },
  ticketCancelled: {
    en: 'Ticket {pnr} is cancelled. {refund} is refunded to the account you paid from (refund {refundId}); banks take up to 7 working days. The places are back on sale, and the ticket’s QR code now shows it as cancelled.',
    te: 'టికెట్ {pnr} రద్దు అయింది. {refund} మీరు చెల్లించిన ఖాతాకు వాపసు అవుతుంది (వాపసు {refundId}); బ్యాంకులు 7 పని దినాల వరకు తీసుకుంటాయి. స్థానాలు మళ్లీ అమ్మకానికి వచ్చాయి, టికెట్ QR కోడ్ ఇప్పుడు రద్దు అయినట్లు చూపిస్తుంది.',
  },
  ticketCancelQuoteFree: {
    en: '*Cancel this booking?*\n{ticket}\nIt was free, so there is nothing to refund. The place goes to someone else and the ticket stops being valid.',
    te: '*ఈ బుకింగ్ రద్దు చేయాలా?*\n{ticket}\nఇది ఉచితం, కాబట్టి వాపసు ఏమీ లేదు. ఆ స్థానం వేరొకరికి వెళ్తుంది, టికెట్ చెల్లదు.',
  },
  ticketCancelledFree: {
    en: 'Ticket {pnr} is cancelled. The place goes to someone else, and the ticket’s QR code now shows it as cancelled.',
    te: 'టికెట్ {pnr} రద్దు అయింది. ఆ స్థానం వేరొకరికి వెళ్తుంది, టికెట్ QR కోడ్ ఇప్పుడు రద్దు అయినట్లు చూపిస్తుంది.',
  },
  ticketCancelledNoRefund: {
    en: 'Ticket {pnr} is cancelled. By the cancellation rules nothing is refunded. The places are back on sale, and the ticket’s QR code now shows it as cancelled.',
    te: 'టికెట్ {pnr} రద్దు అయింది. రద్దు నియమాల ప్రకారం వాపసు ఏమీ లేదు. స్థానాలు మళ్లీ అమ్మకానికి వచ్చాయి, టికెట్ QR కోడ్ ఇప్పుడు రద్దు అయినట్లు చూపిస్తుంది.',
  },
  ticketAlreadyCancelled: {
    en: 'This ticket is already cancelled, and its refund of {refund} recorded once:\n{ticket}',
    te: 'ఈ టికెట్ ఇప్పటికే రద్దు అయింది, దాని వాపసు {refund} ఒకసారి నమోదైంది:\n{ticket}',
  },
  ticketPastCancellation: {
    en: 'This ticket can no longer be cancelled: its time has passed, or is too near for the cancellation rules.\n{ticket}',
    te: 'ఈ టికెట్‌ను ఇక రద్దు చేయలేరు: దాని సమయం దాటిపోయింది, లేదా రద్దు నియమాలకు చాలా దగ్గరగా ఉంది.\n{ticket}',
  },
  ticketNotCancellable: {
    en: 'Only a paid ticket can be cancelled in the chat, and this one is not:\n{ticket}',
    te: 'చెల్లించిన టికెట్‌ను మాత్రమే చాట్‌లో రద్దు చేయవచ్చు, ఇది అలాంటిది కాదు:\n{ticket}',
  },
  ticketNotFound: {
    en: 'No ticket {reference} was booked from this number. Type the PNR as printed on the ticket, e.g. "cancel T7K2M9QX4B1TZ", or "status" to see your tickets.',
    te: 'ఈ నంబర్ నుండి {reference} అనే టికెట్ బుక్ కాలేదు. టికెట్‌పై ఉన్న పీఎన్ఆర్ టైప్ చేయండి, ఉదా. "రద్దు T7K2M9QX4B1TZ", లేదా మీ టికెట్ల కోసం "స్థితి".',
  },
  ticketsUpcoming: {
    en: '*Your tickets* (booked from this number):\n{list}\nTo cancel one, tap it, or type "cancel" and its PNR.',
    te: '*మీ టికెట్లు* (ఈ నంబర్ నుండి బుక్ చేసినవి):\n{list}\nరద్దు చేయడానికి దాన్ని నొక్కండి, లేదా "రద్దు" తర్వాత పీఎన్ఆర్ టైప్ చేయండి.',
  },
  ticketCancelRow: { en: 'Cancel {n}', te: 'రద్దు {n}' },
  factSlot: { en: 'Slot', te: 'సమయం' },
  factPnr: { en: 'PNR', te: 'పీఎన్ఆర్' },
  factJourney: { en: 'Bus', te: 'బస్సు' },
  factSeats: { en: 'Seats', te: 'సీట్లు' },
  factPassengers: { en: 'Passengers', te: 'ప్రయాణికులు' },
  factPassengerCount: { en: 'Passenger count', te: 'ప్రయాణికుల సంఖ్య' },
} as const;
