import type { Service } from '../../catalog/schema.ts';
import { t } from '../../i18n/strings.ts';
import { rowId } from '../actions.ts';
import { type ApplicationSummary, identityCurrent } from '../context.ts';
import type { Session } from '../session.ts';
import type { HeldCertificateIntent } from './intent.ts';
import { home } from './navigation.ts';
import { findService, type IntentHandlers, languageOf, show, type Turn, type TurnEnv, textScreen } from './turn.ts';

/**
 * One valid certificate of a kind per person at a time: the newest application of this certificate, submitted under
 * this verified Aadhaar (by its keyed hash), whose certificate was issued and not revoked. Only certificates count
 * (a second booking or bill payment is nothing to refuse), and only a verified Aadhaar: an unverified one would tell
 * a stranger what someone else holds.
 */
export function heldCertificate(
  service: Service,
  applications: ApplicationSummary[] | undefined,
  citizenHash: string | undefined,
): ApplicationSummary | undefined {
  if (service.kind !== 'certificate' || !citizenHash) return undefined;
  return (applications ?? [])
    .filter((a) => a.serviceId === service.id && a.state === 'issued' && a.citizenHash === citizenHash)
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0];
}

/** Says so instead of asking (or submitting) again, and offers the certificate held: sent again, or the main menu. */
export function offerHeldCertificate(
  session: Session,
  service: Service,
  held: ApplicationSummary,
  env: TurnEnv,
  before: string[] = [],
): Turn {
  const language = languageOf(session);
  const resend = t('resendButton', language);
  const menu = t('homeButton', language);
  const actions = [`resend:${held.applicationId}`, 'home'];
  const body = [
    ...before,
    t('certificateHeld', language, { service: service.name[language], applicationId: held.applicationId }),
    `1. ${resend}\n2. ${menu}`,
  ].join('\n\n');
  return show(
    session,
    { name: 'menu', page: 0 },
    {
      replies: [
        {
          type: 'buttons',
          body,
          buttons: [
            { id: rowId(actions[0]!, env.token), title: resend },
            { id: rowId(actions[1]!, env.token), title: menu },
          ],
        },
      ],
      options: actions,
    },
    env,
  );
}

export const heldCertificateTurns: IntentHandlers<HeldCertificateIntent['kind']> = {
  /**
   * The document of a certificate offered above, sent again as an effect the webhook writes into the outbox with the
   * turn. The webhook read it afresh for this message: it is sent only while it is still valid, and only to the
   * number and the verified Aadhaar it was applied for.
   */
  'resend-document'(session, { applicationId }, env) {
    const language = languageOf(session);
    const document = env.context.heldDocument;
    const theirs =
      document?.applicationId === applicationId &&
      document.valid &&
      document.waId === session.waId &&
      identityCurrent(session, env.now, env.context.settings) &&
      document.citizenHash === session.identity.aadhaarHash;
    if (!document || !theirs) return home(session, env, [t('documentNotResent', language)]);
    const service = findService(env.catalog, document.serviceId);
    const caption = t('documentSentAgain', language, {
      service: service?.name[language] ?? document.serviceId,
      applicationId,
      certId: document.certId,
    });
    return show(session, { name: 'menu', page: 0 }, textScreen([]), env, [
      {
        type: 'resend-document',
        waId: session.waId,
        applicationId,
        certId: document.certId,
        archiveKey: document.archiveKey,
        caption,
        ...(service ? { title: env.catalog.documents[service.document]?.title.en } : {}),
      },
    ]);
  },
};
