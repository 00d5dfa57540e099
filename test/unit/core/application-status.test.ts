import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES } from '../../../lambdas/core/applications/lifecycle.ts';
import { catalog } from '../../../lambdas/core/catalog/catalog.ts';
import { applicationStatusResult, STATE_LABELS } from '../../../lambdas/core/fulfilment/application-status.ts';
import { t } from '../../../lambdas/core/i18n/strings.ts';

const view = {
  applicationId: 'AP-0123456789AB',
  serviceId: 'police.complaint',
  state: 'awaiting-approval',
  submittedAt: '2026-12-04T05:00:00.000Z',
  slaDays: 3,
};

describe('a Mitra application number looked up', () => {
  it('reads every state of the lifecycle in both languages', () => {
    for (const state of APPLICATION_STATES) {
      expect(t(STATE_LABELS[state], 'en')).not.toBe('');
      expect(t(STATE_LABELS[state], 'te')).toMatch(/[\u0C00-\u0C7F]/);
    }
  });

  it('shows the service, where it stands, and when an open application is due', () => {
    const result = applicationStatusResult(view, catalog());
    if (!result.found) throw new Error('expected a record');
    expect(result.record.title.en).toBe('Application AP-0123456789AB');
    const facts = Object.fromEntries(result.record.facts.map((f) => [f.label.en, f.value.en]));
    expect(facts).toEqual({
      Service: 'Police complaint',
      Status: 'with the officer for a decision',
      Submitted: '04-12-2026',
      'Due by': '08-12-2026',
    });
    expect(result.record.facts.find((f) => f.label.en === 'Service')!.value.te).toBe('పోలీస్ ఫిర్యాదు');
  });

  it('gives no due date once it has an outcome', () => {
    const result = applicationStatusResult({ ...view, state: 'issued' }, catalog());
    if (!result.found) throw new Error('expected a record');
    expect(result.record.facts.map((f) => f.label.en)).not.toContain('Due by');
  });

  it('answers "not found" for a number Mitra never gave', () => {
    expect(applicationStatusResult(undefined, catalog())).toEqual({ found: false });
  });
});
