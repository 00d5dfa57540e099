/**
 * The local department records' sample citizens (fictional people, test numbers). Their Aadhaar numbers are made up
 * and pass the Verhoeff check; no real person has them.
 */
export const sampleCitizens = [
  {
    name: 'Ravi Kumar Reddy',
    nameTe: 'రవి కుమార్ రెడ్డి',
    aadhaar: '234567890124',
    mobile: '919876543210',
    district: 'Guntur',
  },
  {
    name: 'Lakshmi Devi Naidu',
    nameTe: 'లక్ష్మీ దేవి నాయుడు',
    aadhaar: '345678901238',
    mobile: '919876543211',
    district: 'Krishna',
  },
  {
    name: 'Syed Abdul Rahman',
    nameTe: 'సయ్యద్ అబ్దుల్ రెహమాన్',
    aadhaar: '456789012341',
    mobile: '919876543212',
    district: 'Kurnool',
  },
] as const;
