import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { OfficerDecision } from '#core/applications/approval.ts';
import type { Actor } from '#core/applications/lifecycle.ts';
import type { RecordCheck } from '#core/applications/record-check.ts';
import type { Language, Service } from '#core/catalog/schema.ts';
import { documentFilename } from '#core/certificate/document-filename.ts';
import { ConflictError } from '#core/errors.ts';
import { OFFICER_WORDING } from '#core/fulfilment/officer-wording.ts';
import { fulfilmentOf } from '#core/fulfilment/registry.ts';
import { resolutionNotice, resolutionPhoto } from '#core/grievances/actions.ts';
import { t } from '#core/i18n/strings.ts';
import type { Applicant } from '#core/officers.ts';
import { keys } from '#core/table-keys.ts';
import type { OutboundReply } from '#core/whatsapp/limits.ts';
import { transitionApplication } from './application-transitions.ts';
import { dynamodb } from './dynamodb-client.ts';
import { outboxItem } from './outbox.ts';

/** The document the application's workflow issued (a certificate, proceedings, a licence, an acknowledgement…). */
interface IssuedDocument {
  certId: string;
  pdfKey: string;
  verifyUrl: string;
  /** The document's printed title, when the workflow passes it. */
  title?: string;
}

const WORKFLOW: Actor = { type: 'workflow' };

/** The worklist indexes' keys (lib/state-table.ts): an application carries them while it is in officers' hands. */
const WORKLIST_KEYS = ['awaitingDepartment', 'awaitingDistrict', 'approvalDueAt'];

/** Notices to officers sent in the same write as the wait they are about (a department has a handful). */
const MAX_OFFICER_NOTICES = 25;

export interface DecisionWait {
  taskToken: string;
  /** The catalog's department id: only its deciding officers may decide. */
  department: string;
  /** The application's district, when its form named one: only that district's (or state-level) officers decide. */
  district?: string;
  /** When the wait times out: the SLA, or the end of the escalation. */
  dueAt: Date;
  /** When the SLA was due: the worklist's order, so the overdue come first. */
  slaDueAt: Date;
  escalated: boolean;
  /** What the records said when they did not confirm it: the notice an officer opens from the worklist says it too. */
  recordCheck?: RecordCheck;
}

interface Notice {
  waId: string;
  ref: string;
  reply: OutboundReply;
}

/** Application records, and the notices a workflow queues for the citizen when an application settles. */
export class ApplicationStore {
  constructor(private readonly tableName: string) {}

  async get(applicationId: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await dynamodb.send(
      new GetCommand({ TableName: this.tableName, Key: keys.application(applicationId), ConsistentRead: true }),
    );
    return Item;
  }

  /** Its workflow took it up (from `received`); false when it already had. */
  async takeUp(applicationId: string, now: Date): Promise<boolean> {
    return transitionApplication(this.tableName, { applicationId, transition: 'take-up', actor: WORKFLOW }, now);
  }

  /**
   * Marks the application issued and queues its document for the citizen (with its buttons: a ticket's Cancel), then
   * what follows it (an order paid inside WhatsApp moved on to completed), in one transaction that only runs while the
   * application is still open: a retried step queues nothing twice.
   */
  async markIssued(
    applicationId: string,
    waId: string,
    document: IssuedDocument,
    service: Service | undefined,
    language: Language,
    now: Date,
    decision?: OfficerDecision,
    { buttons = [], followUps = [] }: { buttons?: { id: string; title: string }[]; followUps?: OutboundReply[] } = {},
  ) {
    const details = { certId: document.certId, ...(decision ? { decision } : {}) };
    await this.settle(applicationId, 'issue', WORKFLOW, details, now, [
      documentNotice(applicationId, waId, document, service, language, now, buttons),
      ...followUps.map((reply, i) => outboxItem(waId, `${applicationId}#issued-${i + 1}`, reply, now)),
    ]);
  }

  /**
   * A grievance resolved by its officer (who is named in its history): its acknowledgement and the officer's note
   * reach the citizen, with the list to rate it or reopen it, in one transaction that only runs while it is still in
   * the officers' hands.
   */
  async markResolved(
    applicationId: string,
    waId: string,
    document: IssuedDocument,
    service: Service,
    language: Language,
    now: Date,
    decision: OfficerDecision,
  ) {
    const item = await this.get(applicationId);
    const note = decision.reason ?? '';
    const { photo } = decision;
    const { photo: _earlier, ...before } = (item?.grievance as Record<string, unknown>) ?? {};
    const grievance = { ...before, resolvedAt: now.toISOString(), note, ...(photo ? { photo } : {}) };
    const notices = (await this.hasStopped(waId))
      ? []
      : [
          documentNotice(applicationId, waId, document, service, language, now),
          // The officer's photo before the note: outside the window the note's template carries it in its header.
          ...(photo
            ? [
                outboxItem(
                  waId,
                  `${applicationId}#resolved#photo`,
                  resolutionPhoto(applicationId, photo, language),
                  now,
                ),
              ]
            : []),
          outboxItem(waId, `${applicationId}#resolved`, resolutionNotice(applicationId, note, language, photo), now),
        ];
    await transitionApplication(
      this.tableName,
      {
        applicationId,
        transition: 'resolve',
        actor: { type: 'officer', id: decision.officerId },
        set: { outcome: { certId: document.certId, decision }, grievance },
        remove: WORKLIST_KEYS,
        notices,
      },
      now,
    );
  }

  /** The workflow token, department and district of an application waiting for an officer's decision, or undefined. */
  async awaitingDecision(
    applicationId: string,
  ): Promise<{ taskToken: string; department: string; district?: string; applicant: Applicant } | undefined> {
    const item = await this.get(applicationId);
    const approval = item?.approval as { taskToken?: unknown; department?: unknown; district?: unknown } | undefined;
    if (item?.state !== 'awaiting-approval' || typeof approval?.taskToken !== 'string') return undefined;
    const district = typeof approval.district === 'string' ? { district: approval.district } : {};
    return {
      taskToken: approval.taskToken,
      department: String(approval.department),
      ...district,
      applicant: applicantOf(item),
    };
  }

  /** Who applied, for keeping officers from deciding their own applications. */
  async applicant(applicationId: string): Promise<Applicant | undefined> {
    const item = await this.get(applicationId);
    return item ? applicantOf(item) : undefined;
  }

  /**
   * Puts the application in the officers' hands: stores the workflow's token (a re-driven or retried step replaces
   * it) and, in the same transaction, queues the notices to the officers and the citizen. Retried, the notices are
   * rewritten under the same keys and not sent again.
   */
  async awaitDecision(applicationId: string, wait: DecisionWait, officers: Notice[], citizen: Notice, now: Date) {
    const notices = [...officers.slice(0, MAX_OFFICER_NOTICES)];
    if (!(await this.hasStopped(citizen.waId))) notices.push(citizen);
    const waiting = await transitionApplication(
      this.tableName,
      {
        applicationId,
        // From itself too (lifecycle): a re-driven or escalated wait replaces the token.
        transition: 'await-decision',
        actor: WORKFLOW,
        set: {
          approval: {
            taskToken: wait.taskToken,
            department: wait.department,
            ...(wait.district ? { district: wait.district } : {}),
            requestedAt: now.toISOString(),
            dueAt: wait.dueAt.toISOString(),
            escalated: wait.escalated,
            ...(wait.recordCheck ? { recordCheck: wait.recordCheck } : {}),
          },
          // The officers' worklist indexes (lib/state-table.ts), until the application settles.
          ...keys.awaitingDecision(wait.department, wait.district),
          approvalDueAt: wait.slaDueAt.toISOString(),
        },
        notices: notices.map((n) => outboxItem(n.waId, n.ref, n.reply, now)),
      },
      now,
    );
    if (!waiting) throw new ConflictError(`application ${applicationId} can no longer wait for an officer`);
  }

  /** Records the officer's rejection and tells the citizen why, once. */
  async markRejected(applicationId: string, waId: string, decision: OfficerDecision, citizenNotice: string, now: Date) {
    const officer: Actor = { type: 'officer', id: decision.officerId };
    await this.settle(applicationId, 'reject', officer, { decision }, now, [
      outboxItem(waId, `${applicationId}#rejected`, { type: 'text', text: citizenNotice }, now),
    ]);
  }

  async markFailed(applicationId: string, waId: string, language: Language, now: Date) {
    await this.settle(applicationId, 'fail', WORKFLOW, {}, now, [
      outboxItem(
        waId,
        `${applicationId}#failed`,
        { type: 'text', text: t('applicationFailed', language, { applicationId }) },
        now,
      ),
    ]);
  }

  private async settle(
    applicationId: string,
    transition: 'issue' | 'reject' | 'fail',
    actor: Actor,
    details: Record<string, unknown>,
    now: Date,
    notices: ReturnType<typeof outboxItem>[],
  ) {
    // A citizen who sent STOP gets nothing until START: the application settles, the notice is not queued, and
    // "status" shows the outcome when they come back.
    if (notices.length > 0 && (await this.hasStopped(notices[0]!.waId))) notices = [];
    // False: the application already settled, and this is a retry of a step that succeeded.
    await transitionApplication(
      this.tableName,
      {
        applicationId,
        transition,
        actor,
        set: { outcome: details },
        remove: WORKLIST_KEYS,
        notices,
      },
      now,
    );
  }

  async hasStopped(waId: string): Promise<boolean> {
    const { Item } = await dynamodb.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.session(waId),
        ConsistentRead: true,
        ProjectionExpression: '#session.stopped',
        ExpressionAttributeNames: { '#session': 'session' },
      }),
    );
    return (Item?.session as { stopped?: boolean } | undefined)?.stopped === true;
  }
}

/** Who applied, as the application item records them. */
export function applicantOf(item: Record<string, unknown>): Applicant {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const citizenHash = text(item.citizenHash);
  const citizenToken = text(item.citizenToken);
  return {
    waId: String(item.waId),
    ...(citizenHash ? { citizenHash } : {}),
    ...(citizenToken ? { citizenToken } : {}),
  };
}

/** The issued document, captioned in the words of the kind's officer action, for the citizen. */
function documentNotice(
  applicationId: string,
  waId: string,
  document: IssuedDocument,
  service: Service | undefined,
  language: Language,
  now: Date,
  buttons: { id: string; title: string }[] = [],
) {
  return outboxItem(
    waId,
    `${applicationId}#issued`,
    {
      type: 'document',
      archiveKey: document.pdfKey,
      filename: documentFilename(document.certId, document.title ?? service?.name.en),
      ...(buttons.length > 0 ? { buttons } : {}),
      caption: t(
        service ? OFFICER_WORDING[fulfilmentOf(service.kind).officerAction].issued : 'documentIssued',
        language,
        {
          service: service?.name[language] ?? applicationId,
          applicationId,
          certId: document.certId,
          authority: service?.authority[language] ?? '',
        },
      ),
    },
    now,
  );
}
