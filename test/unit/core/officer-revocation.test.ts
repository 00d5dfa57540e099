import { describe, expect, it } from 'vitest';
import { revocationReasonText } from '#core/certificate/revocation.ts';
import { revocationAnswer, scanAnswer } from '#core/certificate/tasks.ts';
import { DEFAULT_SETTINGS } from '#core/conversation/context.ts';
import { turnNeeds } from '#core/conversation/converse.ts';
import { parseRevokeCommand } from '#core/conversation/officer-commands.ts';
import type { Officer } from '#core/officers.ts';
import { Citizen } from './citizen.ts';

const CERT_ID = 'AbCdEfGhIjKlMnOpQrStUw';
const tahsildar: Officer = {
  id: 'REV-GNT-0042',
  waId: '919000000042',
  name: 'K. Srinivas',
  department: 'revenue',
  district: 'guntur',
  role: 'tahsildar',
};

describe('reading an officer\'s "revoke" command', () => {
  it('takes the certificate id and the rest of the message as the reason, in English or Telugu', () => {
    expect(parseRevokeCommand(`revoke ${CERT_ID} issued on a forged statement`)).toEqual({
      certId: CERT_ID,
      reason: 'issued on a forged statement',
    });
    expect(parseRevokeCommand(`  Revoke: ${CERT_ID}\nwrong  holder name `)).toEqual({
      certId: CERT_ID,
      reason: 'wrong  holder name',
    });
    expect(parseRevokeCommand(`ఉపసంహరించు ${CERT_ID} నకిలీ పత్రం`)).toEqual({ certId: CERT_ID, reason: 'నకిలీ పత్రం' });
    expect(parseRevokeCommand(`revoke ${CERT_ID}`)).toEqual({ certId: CERT_ID, reason: '' });
  });

  it('reads the digits of a certificate id typed in Telugu', () => {
    const withDigits = 'Ab3dEfGh1jKlMnOpQrSt9w';
    const telugu = withDigits.replace(/\d/g, (d) => String.fromCharCode(0x0c66 + Number(d)));
    expect(parseRevokeCommand(`revoke ${telugu} forged`)).toEqual({ certId: withDigits, reason: 'forged' });
  });

  it('is no command without the word, or without a well-formed certificate id', () => {
    expect(parseRevokeCommand(`cancel ${CERT_ID} forged`)).toBeUndefined();
    expect(parseRevokeCommand('revoke my income certificate')).toBeUndefined();
    expect(parseRevokeCommand('revoke')).toBeUndefined();
    expect(parseRevokeCommand(`${CERT_ID} revoke forged`)).toBeUndefined();
  });
});

describe('who the conversation lets revoke', () => {
  it('asks the webhook to look the sender up for a revoke command, whatever their own conversation is doing', () => {
    const citizen = new Citizen(tahsildar.waId).ready();
    const message = (text: string) => ({
      messageId: 'wamid.1',
      waId: tahsildar.waId,
      sentAt: citizen.now,
      content: { type: 'text' as const, text },
    });
    expect(turnNeeds(citizen.session, message(`revoke ${CERT_ID} forged`), citizen.now, DEFAULT_SETTINGS)).toEqual({
      applications: false,
      officer: true,
      // From anyone else it is free text, which a configured language model may read.
      understand: { text: `revoke ${CERT_ID} forged` },
    });
    expect(turnNeeds(citizen.session, message('income certificate'), citizen.now, DEFAULT_SETTINGS).officer).toBe(
      undefined,
    );
    expect(
      turnNeeds(new Citizen().session, message(`revoke ${CERT_ID} forged`), citizen.now, DEFAULT_SETTINGS).officer,
    ).toBe(true);
  });

  it("turns a registered officer's command into a revocation with a validated reason, and says it is under way", () => {
    const officer = new Citizen(tahsildar.waId).ready();
    const turn = officer.text(`revoke ${CERT_ID}   issued on a\nforged statement`, { officer: tahsildar });
    expect(turn.effects).toEqual([
      {
        type: 'revoke-certificate',
        waId: tahsildar.waId,
        certId: CERT_ID,
        reason: 'issued on a forged statement',
        language: 'en',
      },
    ]);
    expect(officer.replies).toEqual([{ type: 'text', text: `Revoking certificate ${CERT_ID}…` }]);
  });

  it('asks an officer for a reason of at least 3 characters, revoking nothing', () => {
    const officer = new Citizen(tahsildar.waId).ready('te');
    const turn = officer.text(`revoke ${CERT_ID} no`, { officer: tahsildar });
    expect(turn.effects).toEqual([]);
    expect(officer.replies[0]).toMatchObject({ type: 'text', text: expect.stringContaining('ఉపసంహరించు') });
  });

  it('reads the same words from anyone else as ordinary text: nothing is revoked', () => {
    const citizen = new Citizen().ready();
    const turn = citizen.text(`revoke ${CERT_ID} issued on a forged statement`);
    expect(turn.effects).toEqual([]);
    expect(JSON.stringify(citizen.replies)).not.toContain('Revoking');
  });
});

describe('the answers of certificate tasks', () => {
  const certificate = {
    title: 'Income Certificate',
    documentType: 'income',
    holder: 'R*** K**** R****',
    issuer: { department: 'Revenue Department', authority: 'Tahsildar' },
    issuedAt: '2026-11-28T10:00:00.000Z',
    issueDate: '2026-11-28',
  };

  it('says valid, revoked (with date and reason) or invalid, and never more than the verify page shows', () => {
    const valid = scanAnswer({ status: 'valid', certId: CERT_ID, certificate }, 'en');
    expect(valid).toContain('Valid');
    expect(valid).toContain('R∗∗∗ K∗∗∗∗ R∗∗∗∗');
    const revoked = scanAnswer(
      {
        status: 'revoked',
        certId: CERT_ID,
        certificate: {
          ...certificate,
          revokedAt: '2026-11-29T08:00:00.000Z',
          revocationReason: revocationReasonText('false-information'),
        },
      },
      'te',
    );
    expect(revoked).toContain('2026-11-29');
    // The public reason in the reader's language, never an officer's own words.
    expect(revoked).toContain('తప్పుడు సమాచారంతో జారీ చేయబడింది');
    expect(scanAnswer({ status: 'unknown' }, 'en')).toBe(scanAnswer({ status: 'invalid-signature' }, 'en'));
    expect(scanAnswer({ status: 'unreadable', reason: 'no-qr-code' }, 'en')).toContain('could not find a QR code');
  });

  it("tells an officer the revocation's outcome, or why they may not", () => {
    expect(
      revocationAnswer(
        { outcome: 'revoked', certId: CERT_ID, revokedAt: '2026-11-29T08:00:00Z', reason: 'forged', logIndex: 7 },
        'en',
      ),
    ).toContain('entry 7 of the public log');
    expect(revocationAnswer({ outcome: 'unknown', certId: CERT_ID }, 'en')).toContain('No certificate');
    expect(
      revocationAnswer({ outcome: 'not-allowed', certId: CERT_ID, department: 'Revenue Department' }, 'te'),
    ).toContain('Revenue Department');
  });
});
