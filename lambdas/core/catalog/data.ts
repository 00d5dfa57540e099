import type * as z from '../validation.ts';
import type { DepartmentData } from './define.ts';
import agriculture from './departments/agriculture.ts';
import animalHusbandry from './departments/animal-husbandry.ts';
import apsrtc from './departments/apsrtc.ts';
import bcWelfare from './departments/bc-welfare.ts';
import civilSupplies from './departments/civil-supplies.ts';
import commercialTaxes from './departments/commercial-taxes.ts';
import disabilityWelfare from './departments/disability-welfare.ts';
import employment from './departments/employment.ts';
import endowments from './departments/endowments.ts';
import energy from './departments/energy.ts';
import excise from './departments/excise.ts';
import fisheries from './departments/fisheries.ts';
import forest from './departments/forest.ts';
import health from './departments/health.ts';
import higherEducation from './departments/higher-education.ts';
import housing from './departments/housing.ts';
import industries from './departments/industries.ts';
import labour from './departments/labour.ts';
import minorityWelfare from './departments/minority-welfare.ts';
import municipal from './departments/municipal.ts';
import panchayatRaj from './departments/panchayat-raj.ts';
import police from './departments/police.ts';
import registration from './departments/registration.ts';
import revenue from './departments/revenue.ts';
import ruralDevelopment from './departments/rural-development.ts';
import rwss from './departments/rwss.ts';
import schoolEducation from './departments/school-education.ts';
import skillDevelopment from './departments/skill-development.ts';
import socialWelfare from './departments/social-welfare.ts';
import tourism from './departments/tourism.ts';
import transport from './departments/transport.ts';
import tribalWelfare from './departments/tribal-welfare.ts';
import villageSecretariat from './departments/village-secretariat.ts';
import waterResources from './departments/water-resources.ts';
import womenChild from './departments/women-child.ts';
import youthSports from './departments/youth-sports.ts';
import { documents } from './documents.ts';
import type { CatalogSchema } from './schema.ts';

/** The departments in the order the main menu shows them: the most asked-for first. */
const departments: DepartmentData[] = [
  revenue,
  municipal,
  energy,
  civilSupplies,
  apsrtc,
  endowments,
  police,
  transport,
  health,
  agriculture,
  schoolEducation,
  higherEducation,
  socialWelfare,
  registration,
  panchayatRaj,
  villageSecretariat,
  ruralDevelopment,
  housing,
  womenChild,
  labour,
  industries,
  forest,
  fisheries,
  animalHusbandry,
  waterResources,
  rwss,
  tourism,
  youthSports,
  minorityWelfare,
  bcWelfare,
  tribalWelfare,
  disabilityWelfare,
  skillDevelopment,
  employment,
  commercialTaxes,
  excise,
];

/** The service catalog's data, one file per department under departments/ and the document types in documents.ts; validated by CatalogSchema on load. */
export const catalogData: z.input<typeof CatalogSchema> = {
  departments: departments.map((d) => d.department),
  services: departments.flatMap((d) => d.services),
  documents,
};
