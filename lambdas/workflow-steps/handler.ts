import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { z } from 'zod';
import { ApplicationStore } from '#adapters/application-store.ts';
import { now } from '#adapters/clock.ts';
import { requireEnv } from '#adapters/env.ts';
import { logger } from '#adapters/powertools.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { ValidationError } from '#core/errors.ts';

const applications = new ApplicationStore(requireEnv('TABLE_NAME'));
const services = catalog();

const Application = z.looseObject({
  applicationId: z.string().regex(/^AP-[0-9A-Z]{12}$/),
  serviceId: z.string(),
  waId: z.string().regex(/^\d{6,20}$/),
  language: z.enum(['en', 'te']).default('en'),
  certificate: z.looseObject({ certId: z.string(), pdfKey: z.string(), verifyUrl: z.string() }).optional(),
  error: z.looseObject({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});

// The state machine passes `{ step, application }`; the step names are the contract with lib/certificate-workflow.ts.
const StepInput = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('validate'), application: Application }),
  z.strictObject({ step: z.literal('notify-issued'), application: Application }),
  z.strictObject({ step: z.literal('notify-failed'), application: Application }),
]);

async function handle(event: unknown): Promise<unknown> {
  const parsed = StepInput.safeParse(event);
  if (!parsed.success) {
    throw new ValidationError(
      `workflow step input rejected: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const { step, application } = parsed.data;
  const service = services.services.find((s) => s.id === application.serviceId);
  switch (step) {
    case 'validate': {
      if (!service) throw new ValidationError(`unknown service ${application.serviceId}`);
      const stored = await applications.get(application.applicationId);
      if (!stored) throw new ValidationError(`application ${application.applicationId} is not on record`);
      return application;
    }
    case 'notify-issued': {
      if (!application.certificate) throw new ValidationError('notify-issued needs the issued certificate');
      await applications.markIssued(
        application.applicationId,
        application.waId,
        application.certificate,
        service,
        application.language,
        now(),
      );
      logger.info('certificate delivered to the outbox', {
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

export const handler = middy(handle).use(injectLambdaContext(logger));
