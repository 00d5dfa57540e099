import { ApplicationStore } from '#adapters/application-store.ts';
import { now } from '#adapters/clock.ts';
import { ConversationStore } from '#adapters/conversation-store.ts';
import { requireEnv } from '#adapters/env.ts';
import { countMetric } from '#adapters/metrics.ts';
import { OfficerRegistry } from '#adapters/officers.ts';
import { logger } from '#adapters/powertools.ts';
import { dueDate, istDate } from '#core/applications/dates.ts';
import { catalog } from '#core/catalog/catalog.ts';
import type { Service } from '#core/catalog/schema.ts';
import { OFFICER_WORDING } from '#core/fulfilment/officer-wording.ts';
import { type GrievanceRecord, grievanceNotice } from '#core/grievances/perform.ts';
import { grievancePhotoReplies } from '#core/grievances/photos.ts';
import { placeOf, routeGrievance } from '#core/grievances/routing.ts';
import { t } from '#core/i18n/strings.ts';
import { isApplicant } from '#core/officers.ts';
import type { ApprovalApplication } from './approval-steps.ts';

/** lib/workflows/fulfilment-workflow.ts ESCALATION_WINDOW: how long the escalated wait lasts. */
const ESCALATION_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

const tableName = requireEnv('TABLE_NAME');
const applications = new ApplicationStore(tableName);
const registry = new OfficerRegistry(tableName);
const conversations = new ConversationStore(tableName);
const services = catalog();

/**
 * "Await officer decision" / "Escalate" for a grievance: the officer `routeGrievance` picks for its place (the
 * mandal's or the district's officer of the department that holds it now; past the SLA, the senior officers) gets the
 * grievance with its place, photos and the Accept / Transfer buttons, and the citizen is told who has it. A place with
 * no officer of its own counts `GrievancesRoutedByFallback`, which the operators are alarmed on.
 */
export async function requestGrievanceAttention(
  application: ApprovalApplication & { serviceId: string },
  service: Service,
  token: string,
  escalated: boolean,
): Promise<void> {
  const at = now();
  const { applicationId, waId, language, values } = application;
  // A transferred grievance stays with the department it was transferred to, escalated too.
  const stored = await applications.get(applicationId);
  const held = (stored?.approval as { department?: unknown } | undefined)?.department;
  const department = typeof held === 'string' ? held : application.plan.department;
  const place = placeOf(values);
  const [registered, filer] = await Promise.all([
    registry.ofDepartment(department),
    applications.applicant(applicationId),
  ]);
  const people = new Map(
    await Promise.all(registered.map(async (o) => [o.waId, await conversations.personOf(o.waId)] as const)),
  );
  // An officer who filed it is passed over: it goes to another officer, or the senior one.
  const route = routeGrievance(registered, department, place, escalated, (officer) =>
    isApplicant(officer, people.get(officer.waId)?.identity, filer ?? { waId }),
  );
  if (route.fallback) {
    logger.warn('grievance routed by fallback: no officer registered for its place', { applicationId, department });
    countMetric('GrievancesRoutedByFallback');
  }
  if (route.officers.length === 0) {
    logger.error('no officer registered to act on a grievance', { applicationId, department });
    countMetric('NoOfficerToDecide');
  }
  if (escalated) countMetric('ApplicationsEscalated');
  const slaDue = dueDate(application.submittedAt, service.slaDays);
  const record: GrievanceRecord = {
    applicationId,
    serviceId: service.id,
    waId,
    language,
    state: 'awaiting-approval',
    submittedAt: application.submittedAt,
    values,
    department,
    ...(place.district ? { district: place.district } : {}),
    dueAt: slaDue.toISOString(),
    grievance: {},
  };
  const noticeRef = `${applicationId}#${escalated ? 'escalated' : 'awaiting-decision'}`;
  const officerNotices = route.officers.flatMap((officer) => {
    const officerLanguage = people.get(officer.waId)?.language ?? 'en';
    const notice = grievanceNotice(service, record, services, officerLanguage, route.fallback);
    if (escalated && notice.type === 'buttons')
      notice.body = `${t('grievanceEscalatedToOfficer', officerLanguage, { due: istDate(slaDue.toISOString()) })}\n${notice.body}`;
    // The photos follow the notice, each under its own key so a retried step queues none twice.
    const photos = grievancePhotoReplies(applicationId, values, officerLanguage).map((reply, index) => ({
      waId: officer.waId,
      ref: `${noticeRef}#photo-${index + 1}`,
      reply,
    }));
    return [{ waId: officer.waId, ref: noticeRef, reply: notice }, ...photos];
  });
  const due = istDate(slaDue.toISOString());
  const citizenText = escalated
    ? t('grievanceEscalated', language, { applicationId, due })
    : t(OFFICER_WORDING.resolve.citizenWaits, language, {
        applicationId,
        service: service.name[language],
        authority: service.authority[language],
        due,
      });
  await applications.awaitDecision(
    applicationId,
    {
      taskToken: token,
      department,
      ...(place.district ? { district: place.district } : {}),
      dueAt: escalated ? new Date(at.getTime() + ESCALATION_WINDOW_MS) : slaDue,
      slaDueAt: slaDue,
      escalated,
    },
    officerNotices,
    { waId, ref: noticeRef, reply: { type: 'text', text: citizenText } },
    at,
  );
  logger.info(escalated ? 'grievance escalated past its SLA' : 'grievance in an officer’s hands', {
    applicationId,
    level: route.level,
    officersNotified: route.officers.length,
  });
}
