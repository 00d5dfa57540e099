import {
  approvalRequest,
  attachmentReplies,
  DecisionReasonSchema,
  worklistReply,
} from '../../applications/approval.ts';
import type { Language } from '../../catalog/schema.ts';
import { RevocationReasonSchema } from '../../certificate/revocation.ts';
import { stateLabel } from '../../fulfilment/application-status.ts';
import { t } from '../../i18n/strings.ts';
import type { DecisionTarget } from '../context.ts';
import { text } from '../screens.ts';
import type { Session } from '../session.ts';
import type { OfficerIntent } from './intent.ts';
import { findService, type IntentHandlers, languageOf, say, type Turn } from './turn.ts';

/**
 * A registered officer's commands: a decision (tapped on a notice or typed), the reason for a rejection, the worklist
 * and its rows, a revocation. The dispatcher hands a command here only when the sender is a registered officer; their
 * right to act on that application or certificate is checked where the effect is carried out.
 */
export const officerTurns: IntentHandlers<Exclude<OfficerIntent['kind'], 'grievance-action'>> = {
  decision(session, { decision, applicationId, reason }, env) {
    const language = languageOf(session);
    // A tap on an old notice's button (or a typed decision) on an application decided since: said at once, before
    // any reason is asked for. A race with another officer is still caught where the decision is carried out.
    const target = env.context.decisionTarget;
    if (target && !target.waiting) return say(session, [text(noLongerWaiting(applicationId, target, language))]);
    if (decision === 'approved') return decided(session, 'approved', applicationId, '');
    if (!reason) {
      // A tap on Reject (or "reject <id>" alone): ask for the reason, with no menu open to catch a typed number.
      const asking: Session = {
        ...session,
        step: { name: 'officer-reason', applicationId },
        menu: { token: env.token, options: [] },
      };
      return say(asking, [text(t('decisionAskReason', language, { applicationId }))]);
    }
    const valid = DecisionReasonSchema.safeParse(reason);
    if (!valid.success) return say(session, [text(t('decisionNeedsReason', language, { applicationId }))]);
    return decided(session, 'rejected', applicationId, valid.data);
  },
  'rejection-reason'(session, { applicationId, text: typed }, env) {
    const valid = DecisionReasonSchema.safeParse(typed);
    if (!valid.success) return say(session, [text(t('decisionNeedsReason', languageOf(session), { applicationId }))]);
    return decided(backToMenu(session, env.token), 'rejected', applicationId, valid.data);
  },
  'rejection-withdrawn'(session, { applicationId }, env) {
    return say(backToMenu(session, env.token), [text(t('decisionCancelled', languageOf(session), { applicationId }))]);
  },
  worklist(session, _intent, env) {
    const { officer, officerQueue } = env.context;
    // The dispatcher sends "pending" here only with the officer and their queue looked up.
    if (!officer || !officerQueue) return say(session, []);
    return say(session, [worklistReply(officerQueue, officer, env.catalog, languageOf(session))]);
  },
  'worklist-open'(session, { applicationId }, env) {
    const language = languageOf(session);
    const { openedApplication } = env.context;
    const service = openedApplication && findService(env.catalog, openedApplication.serviceId);
    if (!openedApplication || !service)
      return say(session, [text(t('decisionNotWaiting', language, { applicationId }))]);
    const due = new Date(openedApplication.dueAt);
    return say(session, [
      approvalRequest(
        service,
        openedApplication,
        due,
        openedApplication.escalated,
        language,
        openedApplication.recordCheck,
      ),
      ...attachmentReplies(service, openedApplication, language),
    ]);
  },
  revoke(session, { certId, reason }, _env) {
    const language = languageOf(session);
    const valid = RevocationReasonSchema.safeParse(reason);
    if (!valid.success) return say(session, [text(t('revokeNeedsReason', language))]);
    return say(
      session,
      [text(t('revokeStarted', language, { certId }))],
      [{ type: 'revoke-certificate', waId: session.waId, certId, reason: valid.data, language }],
    );
  },
};

function noLongerWaiting(
  applicationId: string,
  target: Extract<DecisionTarget, { waiting: false }>,
  language: Language,
): string {
  if (!target.decided) return t('decisionNotWaiting', language, { applicationId });
  return t('decisionAlreadyDecided', language, { applicationId, outcome: t(stateLabel(target.decided), language) });
}

function backToMenu(session: Session, token: number): Session {
  return { ...session, step: { name: 'menu', page: 0 }, menu: { token, options: [] } };
}

function decided(session: Session, decision: 'approved' | 'rejected', applicationId: string, reason: string): Turn {
  const language = languageOf(session);
  return say(
    session,
    [text(t('decisionStarted', language, { applicationId }))],
    [
      {
        type: 'decide-application',
        waId: session.waId,
        applicationId,
        decision,
        ...(reason ? { reason } : {}),
        language,
      },
    ],
  );
}
