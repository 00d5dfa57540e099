import { describe, expect, it } from 'vitest';
import { evaluationSet, runEvaluation, score } from '../../bench/understanding.ts';

// The evaluation set (bench/understanding/README.md): every third request of each language is held out from tuning.
describe('the evaluation set of free-text requests', () => {
  const requests = evaluationSet();
  const outcomes = runEvaluation(requests);

  it('has at least 300 requests, a third each in English, Telugu and Telugu in Latin letters', () => {
    expect(requests.length).toBeGreaterThanOrEqual(300);
    for (const language of ['en', 'te', 'te-latn'])
      expect(requests.filter((r) => r.language === language).length).toBeGreaterThanOrEqual(100);
    expect(requests.filter((r) => r.split === 'held-out').length).toBeGreaterThanOrEqual(100);
  });

  it('names services of the catalog and their own questions only', async () => {
    const { catalog } = await import('#core/catalog/catalog.ts');
    for (const request of requests) {
      const service = catalog().services.find((s) => s.id === request.service);
      expect(service, request.id).toBeDefined();
      for (const id of Object.keys(request.fields))
        expect(
          service!.fields.map((f) => f.id),
          request.id,
        ).toContain(id);
    }
  });

  it('picks the right service first for at least 90 % of the held-out requests, and reads their answers', () => {
    const heldOut = score(outcomes.filter((o) => o.request.split === 'held-out'));
    expect(
      heldOut.top1,
      heldOut.misses.map((m) => `${m.request.id}: ${m.serviceId}`).join('\n'),
    ).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.fieldsF1).toBeGreaterThanOrEqual(0.85);
  });
});
