import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { ApplicationStore } from '#adapters/application-store.ts';
import { retryableWhenBusy } from '#adapters/aws-errors.ts';
import { now } from '#adapters/clock.ts';
import { requireEnv } from '#adapters/env.ts';
import { logger } from '#adapters/powertools.ts';
import { ApplicationIdSchema, OfficerDecisionSchema } from '#core/applications/approval.ts';
import { secondsUntilDue } from '#core/applications/dates.ts';
import { EncumbranceSchema } from '#core/applications/encumbrance.ts';
import { RecordCheckSchema } from '#core/applications/record-check.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { inventoryOf } from '#core/catalog/inventories.ts';
import type { Service } from '#core/catalog/schema.ts';
import { ValidationError } from '#core/errors.ts';
import { isBilled } from '#core/fulfilment/bills.ts';
import { amountDue, fulfilmentOf } from '#core/fulfilment/registry.ts';
import { StatusRecordSchema } from '#core/fulfilment/status-lookup.ts';
import { t } from '#core/i18n/strings.ts';
import * as z from '#core/validation.ts';
import { issueLine } from '#core/validation.ts';
import { UserKeySchema } from '#core/whatsapp/user-key.ts';
import { lookUpEncumbrance, lookUpRecords, requestApproval } from './approval-steps.ts';
import { orderCompleted, postToBiller, recordRefund } from './bill-steps.ts';
import { cancelOffer, confirmBooking, holdsSeats, releaseBooking, scheduleBookingReminder } from './booking-steps.ts';
import { requestGrievanceAttention } from './grievance-steps.ts';
import { closeUnpaid, requestPayment } from './payment-steps.ts';
import { lookUpExtract } from './register-steps.ts';

const tableName = requireEnv('TABLE_NAME');
const applications = new ApplicationStore(tableName);
const services = catalog();

const Application = z.looseObject({
  applicationId: ApplicationIdSchema,
  serviceId: z.string(),
  waId: UserKeySchema,
  language: z._default(z.enum(['en', 'te']), 'en'),
  values: z._default(z.record(z.string(), z.string()), {}),
  // Always in the workflow's input; optional here so that a failure is always notified.
  submittedAt: z.optional(z.string()),
  certificate: z.optional(
    z.looseObject({ certId: z.string(), pdfKey: z.string(), verifyUrl: z.string(), title: z.optional(z.string()) }),
  ),
  decision: z.optional(OfficerDecisionSchema),
  error: z.optional(z.looseObject({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
});

/** What Validate adds for the workflow's Choices, from the catalog. */
const Plan = z.strictObject({
  fee: z.number().check(z.nonnegative()),
  /** A fee not yet paid: false when the payment came in before (an execution re-driven after a restart). */
  feeDue: z.boolean(),
  /** The catalog's say, or (after Look up records) records that could not confirm what the citizen declared. */
  officerApproval: z.boolean(),
  department: z.string(),
  /** A bill: once paid, the payment is posted to its biller before the receipt is issued. */
  postsToBiller: z._default(z.boolean(), false),
  approvalTimeoutSeconds: z.number().check(z.int(), z.positive()),
  recordCheck: z.optional(RecordCheckSchema),
  /** An encumbrance certificate's period searched and the transactions the register holds in it. */
  encumbrance: z.optional(EncumbranceSchema),
  /** A signed extract's record, as the department's system holds it at issue (land records: Adangal / 1-B). */
  extract: z.optional(StatusRecordSchema),
});
const Planned = z.extend(Application, { submittedAt: z.string(), plan: Plan });

const taskToken = z.string().check(z.minLength(1));

// The state machine passes `{ step, application, … }`; the step names are the contract with
// lib/workflows/fulfilment-workflow.ts.
const StepInput = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('validate'), application: Application }),
  // A certificate's one first step: its workflow enters one state, not two (each state entered is billed).
  z.strictObject({ step: z.literal('validate-and-look-up-records'), application: Application }),
  // Executions started before a certificate's validation and look-up were one step.
  z.strictObject({ step: z.literal('look-up-records'), application: Planned }),
  z.strictObject({ step: z.literal('request-payment'), application: Planned, taskToken }),
  z.strictObject({ step: z.literal('payment-expired'), application: Planned }),
  z.strictObject({ step: z.literal('request-approval'), application: Planned, taskToken, escalated: z.boolean() }),
  z.strictObject({ step: z.literal('notify-rejected'), application: Planned }),
  z.strictObject({ step: z.literal('post-to-biller'), application: Planned }),
  z.strictObject({ step: z.literal('record-refund'), application: Planned }),
  z.strictObject({ step: z.literal('notify-issued'), application: Application }),
  z.strictObject({ step: z.literal('notify-failed'), application: Application }),
]);

async function handle(event: unknown): Promise<unknown> {
  const parsed = StepInput.safeParse(event);
  if (!parsed.success) {
    throw new ValidationError(
      `workflow step input rejected: ${parsed.error.issues.map((issue) => issueLine(issue)).join('; ')}`,
    );
  }
  const input = parsed.data;
  const { application } = input;
  const service = services.services.find((s) => s.id === application.serviceId);
  switch (input.step) {
    case 'validate':
      return validated(service, application);
    case 'validate-and-look-up-records':
      return lookedUp(service, await validated(service, application));
    case 'look-up-records':
      return lookedUp(service, input.application);
    case 'request-payment':
      await requestPayment(input.application, input.taskToken);
      return application;
    case 'payment-expired':
      await closeUnpaid(input.application);
      await releaseBooking(input.application);
      return application;
    case 'request-approval':
      if (!service) throw new ValidationError(`unknown service ${application.serviceId}`);
      if (service.kind === 'grievance')
        await requestGrievanceAttention(input.application, service, input.taskToken, input.escalated);
      else await requestApproval(input.application, service, input.taskToken, input.escalated);
      return application;
    case 'post-to-biller':
      return holdsSeats(input.application) ? confirmBooking(input.application) : postToBiller(input.application);
    case 'record-refund':
      await recordRefund(input.application, service);
      return application;
    case 'notify-rejected': {
      const { decision, language } = input.application;
      if (!service || decision?.decision !== 'rejected') throw new ValidationError('notify-rejected needs a rejection');
      const notice = t('applicationRejected', language, {
        applicationId: application.applicationId,
        service: service.name[language],
        authority: service.authority[language],
        reason: decision.reason ?? '-',
      });
      await applications.markRejected(application.applicationId, application.waId, decision, notice, now());
      logger.info('application rejected', { applicationId: application.applicationId, officerId: decision.officerId });
      return application;
    }
    case 'notify-issued': {
      if (!application.certificate) throw new ValidationError('notify-issued needs the issued certificate');
      const { applicationId, waId, certificate, language, decision } = application;
      // A grievance's acknowledgement records its resolution: the citizen gets the note, and rates it.
      if (service?.kind === 'grievance' && decision)
        await applications.markResolved(applicationId, waId, certificate, service, language, now(), decision);
      else
        await applications.markIssued(applicationId, waId, certificate, service, language, now(), decision, {
          // A ticket offers Cancel while its rules allow; an order paid inside WhatsApp moves on to completed.
          buttons: holdsSeats(application) ? await cancelOffer(application, now()) : [],
          followUps: await orderCompleted(application, service),
        });
      if (service && holdsSeats(application)) await scheduleBookingReminder(application, service, now());
      logger.info('document delivered to the outbox', {
        applicationId: application.applicationId,
        certId: application.certificate.certId,
      });
      return application;
    }
    case 'notify-failed': {
      logger.error('application failed', { applicationId: application.applicationId, error: application.error?.Error });
      await applications.markFailed(application.applicationId, application.waId, application.language, now());
      return application;
    }
  }
}

/** Takes the application up (received → processing) and answers it with its plan from the catalog. */
async function validated(
  service: Service | undefined,
  application: z.infer<typeof Application>,
): Promise<z.infer<typeof Planned>> {
  if (!service) throw new ValidationError(`unknown service ${application.serviceId}`);
  const stored = await applications.get(application.applicationId);
  if (!stored) throw new ValidationError(`application ${application.applicationId} is not on record`);
  const { submittedAt } = application;
  if (!submittedAt) throw new ValidationError('the application has no submittedAt');
  const paid = (stored.payment as { received?: unknown } | undefined)?.received !== undefined;
  // received → processing; a re-driven execution (or a retried look-up) finds it taken up already, and goes on.
  await applications.takeUp(application.applicationId, now());
  return { ...application, submittedAt, plan: planOf(service, application.values, submittedAt, paid) };
}

/**
 * What the department's records say about a planned application: an encumbrance certificate's transactions, a
 * signed extract's record, and whether the household records or a register confirm what an instant certificate
 * would state (when they do not, an officer decides).
 */
async function lookedUp(
  service: Service | undefined,
  application: z.infer<typeof Planned>,
): Promise<z.infer<typeof Planned>> {
  if (!service) throw new ValidationError(`unknown service ${application.serviceId}`);
  const encumbrance = await lookUpEncumbrance(service, application);
  const extract = await lookUpExtract(service, application.values);
  const found =
    encumbrance || extract
      ? {
          ...application,
          plan: {
            ...application.plan,
            ...(encumbrance ? { encumbrance } : {}),
            ...(extract ? { extract } : {}),
          },
        }
      : application;
  const { plan } = found;
  const recordCheck = await lookUpRecords(service, found);
  if (!recordCheck) return found;
  if (!recordCheck.verified)
    logger.info('records do not confirm the application; an officer decides', {
      applicationId: application.applicationId,
      noRecord: recordCheck.noRecord === true,
      mismatches: recordCheck.mismatches,
    });
  return {
    ...found,
    plan: { ...plan, officerApproval: plan.officerApproval || !recordCheck.verified, recordCheck },
  };
}

/**
 * The catalog's and the kind's say on this application: the amount to pay, whether an officer decides, and how long
 * they have.
 */
function planOf(
  service: Service,
  values: Record<string, string>,
  submittedAt: string,
  paid: boolean,
): z.infer<typeof Plan> {
  const fee = amountDue(service, values);
  // A bill the biller accepted, or seats the reservation system sold, need no officer: that is the confirmation.
  const billed = isBilled(service) || inventoryOf(service.id) !== undefined;
  return {
    fee,
    feeDue: fee > 0 && !paid,
    officerApproval: !billed && fulfilmentOf(service.kind).officerDecides(service),
    department: service.department,
    postsToBiller: billed,
    approvalTimeoutSeconds: secondsUntilDue(submittedAt, service.slaDays, now()),
  };
}

// A busy DynamoDB or S3 fails the step with ServiceBusyError, which the workflow retries.
export const handler = middy((event: unknown) => retryableWhenBusy(() => handle(event))).use(
  injectLambdaContext(logger),
);
