import { describe, expect, it } from 'vitest';
import { catalog } from '../../../lambdas/core/catalog/catalog.ts';
import { catalogData } from '../../../lambdas/core/catalog/data.ts';
import { department } from '../../../lambdas/core/catalog/define.ts';
import { fields as F } from '../../../lambdas/core/catalog/fields.ts';
import { SERVICE_KINDS } from '../../../lambdas/core/catalog/rules.ts';
import { parseCatalog } from '../../../lambdas/core/catalog/schema.ts';
import {
  amountDue,
  fulfilledKinds,
  fulfilmentOf,
  holderNameOf,
  WORKFLOW_KINDS,
  workflowArnVariable,
  workflowOf,
} from '../../../lambdas/core/fulfilment/registry.ts';

const services = catalog().services;
const service = (id: string) => services.find((s) => s.id === id)!;

describe('fulfilment by kind', () => {
  it('has a fulfilment for every kind the catalog uses, and for every kind the schema allows', () => {
    const used = new Set(services.map((s) => s.kind));
    for (const kind of used) expect(fulfilledKinds()).toContain(kind);
    expect(fulfilledKinds()).toEqual([...SERVICE_KINDS]);
  });

  it('takes every service up by its kind: a workflow of that kind, or an answer within the turn', () => {
    for (const s of services) {
      const workflow = workflowOf(s);
      if (s.kind === 'status-lookup') expect(workflow).toBeUndefined();
      else expect(workflow).toBe(s.kind);
    }
    expect([...new Set(services.map(workflowOf).filter(Boolean))].sort()).toEqual([...WORKFLOW_KINDS].sort());
  });

  it('has an officer decide every application and grievance, and certificates only where the catalog says', () => {
    for (const s of services) {
      const decides = fulfilmentOf(s.kind).officerDecides(s);
      if (s.kind === 'application' || s.kind === 'grievance') expect(decides).toBe(true);
      if (s.kind === 'certificate') expect(decides).toBe(s.officerApproval);
    }
  });

  it('checks the household records for certificates only', () => {
    expect(WORKFLOW_KINDS.filter((kind) => fulfilmentOf(kind).checksHouseholdRecords)).toEqual(['certificate']);
  });

  it('asks the amount the citizen stated for a donation, and the catalog fee otherwise', () => {
    expect(amountDue(service('endowments.donation'), { amount: '1116' })).toBe(1116);
    expect(amountDue(service('endowments.darshan-ticket'), { persons: '2' })).toBe(300);
    expect(amountDue(service('revenue.income-certificate'), {})).toBe(0);
  });

  it("takes a new service of an existing kind from catalog data alone (the README's example)", () => {
    const person = [F.applicantName, F.relation, F.fatherName, F.aadhaar, F.district];
    const revenue = department(
      'revenue',
      ['Revenue', 'రెవెన్యూ'],
      ['Tahsildar', 'తహసీల్దార్'],
      [
        {
          id: 'passbook-correction',
          kind: 'application',
          name: ['Passbook correction', 'పాసుపుస్తకం సవరణ'],
          about: ['Correct a name or extent in a land passbook', 'భూమి పాసుపుస్తకంలో పేరు లేదా విస్తీర్ణం సవరణ'],
          synonyms: ['passbook correction', 'correction', 'savarana', 'సవరణ'],
          fields: [...person, F.village, F.surveyNumber, F.details],
          fee: 35,
          slaDays: 15,
          document: 'pattadar-passbook',
        },
      ],
    );
    const grown = parseCatalog({ ...catalogData, services: [...catalogData.services, ...revenue.services] });
    const added = grown.services.find((s) => s.id === 'revenue.passbook-correction')!;
    expect(workflowOf(added)).toBe('application');
    expect(fulfilmentOf(added.kind).officerDecides(added)).toBe(true);
    expect(amountDue(added, {})).toBe(35);
  });

  it('names the environment variable of each workflow as the stack sets it', () => {
    expect(workflowArnVariable('bill-payment')).toBe('BILL_PAYMENT_WORKFLOW_ARN');
    expect(workflowArnVariable('certificate')).toBe('CERTIFICATE_WORKFLOW_ARN');
  });

  it('issues a document to the applicant named in the form, else the profile name', () => {
    expect(holderNameOf(service('revenue.income-certificate'), { 'applicant-name': ' Ravi Kumar ' })).toBe(
      'Ravi Kumar',
    );
    expect(holderNameOf(service('police.complaint'), { complaint: 'Streetlight broken' }, 'Lakshmi')).toBe('Lakshmi');
    expect(holderNameOf(service('police.complaint'), {})).toBe('Applicant');
  });
});
