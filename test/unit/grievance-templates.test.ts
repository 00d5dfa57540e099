import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import type { Reply } from '#core/conversation/messages.ts';
import { questionNotice, resolutionNotice, resolutionPhoto } from '#core/grievances/actions.ts';
import { grievanceNotice, planGrievanceAction } from '#core/grievances/perform.ts';
import { carriedByAnother, grievanceTemplates, templateInstead } from '#core/whatsapp/customer-window.ts';
import { fitReply, type TemplateReply } from '#core/whatsapp/limits.ts';
import { graphPayload } from '#core/whatsapp/outbound.ts';
import { grievanceTemplates as approvedGrievanceTemplates } from '../../local/grievance-templates.ts';
import { checkTemplate, renderTemplate } from '../../local/whatsapp/templates.ts';
import { gunturEnergyOfficer } from './core/citizen.ts';

// What a grievance's citizen and officer get once their 24-hour window has closed: each reply as its own approved
// template, checked by the local Graph API's independent copy of the templates an operator creates in WhatsApp Manager.

const services = catalog();
const powerComplaint = services.services.find((s) => s.id === 'energy.power-complaint')!;
const templates = { text: 'mitra_update', document: 'mitra_document', decision: 'mitra_decision' };
const names = { ...templates, ...grievanceTemplates('mitra_grievance') };
const id = 'AP-0000000000GR';
const citizenWaId = '919876543210';
const officer = gunturEnergyOfficer;
const record = {
  applicationId: id,
  serviceId: powerComplaint.id,
  waId: citizenWaId,
  language: 'en' as const,
  state: 'awaiting-citizen',
  submittedAt: '2026-12-04T08:00:00.000Z',
  values: { complaint: 'No power since last night', district: 'guntur' },
  department: 'energy',
  district: 'guntur',
  askedBy: officer.id,
  grievance: { askedBy: officer.id },
};

/** The reply as it would go with the window closed, as its Graph API request, checked against the approved ones. */
function closedWindow(reply: Reply, language: 'en' | 'te', to = citizenWaId) {
  const template = templateInstead(reply, names, language) as TemplateReply;
  const { reply: fitted, problems } = fitReply(template);
  expect(problems).toEqual([]);
  const request = graphPayload(to, fitted as TemplateReply, 'media-1');
  const { components } = request.template as { components: unknown[] };
  const approved = approvedGrievanceTemplates(language);
  expect(checkTemplate(approved, template.name, language, components)).toBeUndefined();
  return { template, request, shown: renderTemplate(approved, request)! };
}

describe("a grievance's replies outside the 24-hour window", () => {
  it("puts the officer's question to the citizen in its template, with Reply to answer it, in English and Telugu", () => {
    for (const language of ['en', 'te'] as const) {
      const question = 'Is it the transformer near the school?';
      const { template, shown } = closedWindow(questionNotice(id, 'Electricity', question, language), language);
      expect(template).toMatchObject({
        name: 'mitra_grievance_question',
        parameters: [id, 'Electricity', question],
        quickReplies: [`grievance:reply:${id}`],
      });
      expect(shown.text).toContain(question);
      expect(shown.quickReplies).toEqual([language === 'te' ? 'జవాబివ్వు' : 'Reply']);
    }
  });

  it('sends the resolution with its note, rating and Reopen, and the photo in the header only when there is one', () => {
    const plain = closedWindow(resolutionNotice(id, 'Fuse replaced.', 'te'), 'te');
    expect(plain.template.name).toBe('mitra_grievance_resolved');
    expect(plain.template.image).toBeUndefined();
    expect(plain.shown.text).toContain('Fuse replaced.');
    expect(plain.shown.quickReplies.at(-1)).toBe('తిరిగి తెరువు');
    const photo = 'applications/AP-0000000000GR/resolution-photo';
    const pictured = closedWindow(resolutionNotice(id, 'Fuse replaced.', 'en', photo), 'en');
    expect(pictured.template).toMatchObject({ name: 'mitra_grievance_resolved_photo', image: { key: photo } });
    expect(pictured.shown.quickReplies).toEqual(['1 ★', '2 ★★', '3 ★★★', '4 ★★★★', '5 ★★★★★', 'Reopen']);
    // The photo on its own is left out there: the template carries it.
    expect(carriedByAnother(resolutionPhoto(id, photo, 'en'))).toBe(true);
    expect(templateInstead(resolutionPhoto(id, photo, 'en'), names, 'en')).toBeUndefined();
  });

  it('refuses, as Meta does, a resolution template whose header does not match the approved one', () => {
    const approved = approvedGrievanceTemplates('en');
    const body = {
      type: 'body',
      parameters: [
        { type: 'text', text: id },
        { type: 'text', text: 'Done.' },
      ],
    };
    const image = { type: 'header', parameters: [{ type: 'image', image: { id: 'media-1' } }] };
    expect(checkTemplate(approved, 'mitra_grievance_resolved_photo', 'en', [body])).toMatchObject({ code: 132012 });
    expect(checkTemplate(approved, 'mitra_grievance_resolved', 'en', [image, body])).toMatchObject({ code: 132012 });
  });

  it("gives an officer a new grievance with Accept / Transfer, and the citizen's answer with Ask / Resolve / Transfer", () => {
    for (const language of ['en', 'te'] as const) {
      const fresh = { ...record, state: 'awaiting-approval', grievance: {} };
      const notice = closedWindow(
        grievanceNotice(powerComplaint, fresh, services, language, false),
        language,
        officer.waId,
      );
      expect(notice.template.name).toBe('mitra_grievance_officer');
      expect(notice.template.quickReplies).toEqual([`grievance:accept:${id}`, `grievance:transfer:${id}`]);
      expect(notice.shown.text).not.toContain(citizenWaId);

      const plan = planGrievanceAction({
        record,
        service: powerComplaint,
        catalog: services,
        action: 'answer',
        sender: { waId: citizenWaId },
        text: 'Near the temple, pole 14.',
        registry: [officer],
        languageOf: () => language,
        isFiler: () => false,
        now: new Date('2026-12-06T08:00:00.000Z'),
        ref: 'answer#wamid.1',
      });
      const relayed = closedWindow(plan.notices[0]!.reply, language, officer.waId);
      expect(relayed.template).toMatchObject({
        name: 'mitra_grievance_answer',
        parameters: [id, '\u2217'.repeat(8) + '3210', 'Near the temple, pole 14.'],
      });
      expect(relayed.template.quickReplies).toEqual([
        `grievance:ask:${id}`,
        `grievance:resolve:${id}`,
        `grievance:transfer:${id}`,
      ]);
      // Neither side sees the other's number: the officer a masked one, the citizen none.
      expect(JSON.stringify(relayed.request)).not.toContain(citizenWaId);
      expect(plan.notices[0]!.waId).toBe(officer.waId);
    }
  });
});
