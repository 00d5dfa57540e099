/**
 * The words every document page prints around what its record says, in English and Telugu. What a document states
 * (its title, sentence, labels and values) comes from its record, never from here.
 */
export const PAGE_TEXT = {
  government: { en: 'Government of Andhra Pradesh', te: 'ఆంధ్రప్రదేశ్ ప్రభుత్వం' },
  number: { en: 'Certificate No.', te: 'పత్రం సంఖ్య' },
  issued: { en: 'Date of issue', te: 'జారీ తేదీ' },
  validUntil: { en: 'Valid until', te: 'చెల్లుబాటు గడువు' },
  approvedBy: { en: 'Approved by', te: 'ఆమోదించినవారు' },
  issuedBy: { en: 'Issued by', te: 'జారీ చేసినవారు' },
  verification: { en: 'Verification', te: 'పరిశీలన' },
  verifyAt: { en: 'Verify at', te: 'పరిశీలించండి' },
  verifyTelugu: { te: 'ఈ పత్రం నిజమైనదో కాదో క్యూఆర్ కోడ్ స్కాన్ చేసి తెలుసుకోండి.' },
  scan: { en: 'Scan to verify', te: 'స్కాన్ చేయండి' },
  signed: { en: 'Digitally signed', te: 'డిజిటల్ సంతకం' },
  footer: {
    en: 'Issued digitally through Mitra; valid without a handwritten signature.',
    te: 'మిత్ర ద్వారా డిజిటల్‌గా జారీ చేయబడింది; చేతి సంతకం అవసరం లేదు.',
  },
  notShown: { en: '(in another script: see the attached signed record)' },
} as const;

/** "Office of the Tahsildar, Revenue Department" / "తహసీల్దార్, రెవెన్యూ శాఖ వారి కార్యాలయం". */
export const officeOf = (authority: { en: string; te: string }) => ({
  en: `Office of the ${authority.en}`,
  te: `${authority.te} వారి కార్యాలయం`,
});
