/** An income certificate form's answers as the conversation stores them (option ids, amounts as digits). */
export function incomeAnswers(name: string, annualIncome = '120000'): Record<string, string> {
  return {
    'applicant-name': name,
    relation: 'son-of',
    'father-name': 'Venkata Reddy',
    aadhaar: 'XXXX XXXX 0124',
    'annual-income': annualIncome,
    village: 'Kothapeta',
    mandal: 'Tenali',
    district: 'guntur',
    purpose: 'education',
  };
}
