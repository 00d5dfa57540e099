const option = (id: string, en: string, te: string) => ({ id, label: { en, te } });

/**
 * Andhra Pradesh's districts: the options of the district question, and the places officers, grievances and alerts
 * name. A module of its own, so code that needs the districts does not load every field of the catalog.
 */
export const DISTRICTS = [
  option('srikakulam', 'Srikakulam', 'శ్రీకాకుళం'),
  option('vizianagaram', 'Vizianagaram', 'విజయనగరం'),
  option('visakhapatnam', 'Visakhapatnam', 'విశాఖపట్నం'),
  option('east-godavari', 'East Godavari', 'తూర్పు గోదావరి'),
  option('west-godavari', 'West Godavari', 'పశ్చిమ గోదావరి'),
  option('krishna', 'Krishna', 'కృష్ణా'),
  option('ntr', 'NTR', 'ఎన్టీఆర్'),
  option('guntur', 'Guntur', 'గుంటూరు'),
  option('palnadu', 'Palnadu', 'పల్నాడు'),
  option('bapatla', 'Bapatla', 'బాపట్ల'),
  option('prakasam', 'Prakasam', 'ప్రకాశం'),
  option('nellore', 'SPS Nellore', 'నెల్లూరు'),
  option('tirupati', 'Tirupati', 'తిరుపతి'),
  option('chittoor', 'Chittoor', 'చిత్తూరు'),
  option('annamayya', 'Annamayya', 'అన్నమయ్య'),
  option('ysr-kadapa', 'YSR Kadapa', 'వైఎస్ఆర్ కడప'),
  option('kurnool', 'Kurnool', 'కర్నూలు'),
  option('nandyal', 'Nandyal', 'నంద్యాల'),
  option('anantapur', 'Anantapur', 'అనంతపురం'),
  option('sri-sathya-sai', 'Sri Sathya Sai', 'శ్రీ సత్యసాయి'),
  option('alluri', 'Alluri Sitarama Raju', 'అల్లూరి సీతారామరాజు'),
  option('anakapalli', 'Anakapalli', 'అనకాపల్లి'),
  option('kakinada', 'Kakinada', 'కాకినాడ'),
  option('konaseema', 'Konaseema', 'కోనసీమ'),
  option('eluru', 'Eluru', 'ఏలూరు'),
  option('parvathipuram', 'Parvathipuram Manyam', 'పార్వతీపురం మన్యం'),
];
