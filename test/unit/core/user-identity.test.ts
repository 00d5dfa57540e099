import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CertificateTaskSchema } from '#core/certificate/tasks.ts';
import { newSession, SessionSchema } from '#core/conversation/session.ts';
import { OfficerSchema } from '#core/officers.ts';
import { addressee, graphPayload } from '#core/whatsapp/outbound.ts';
import { UserKeySchema, userKeyOf } from '#core/whatsapp/user-key.ts';
import { readWebhook } from '#core/whatsapp/webhook-payload.ts';

const fixture = (name: string) =>
  readWebhook(
    JSON.parse(readFileSync(new URL(`../../fixtures/meta/${name}`, import.meta.url), 'utf8')),
    '100000000000001',
  );

const PHONE = '919876543210';
const RAVI_BSUID = 'IN.1648738043044942';
const LAKSHMI_BSUID = 'IN.2739184650192837';

describe('one identity per person, with or without a phone number', () => {
  it('keys a user who shares their number by the number, and keeps their business-scoped user id beside it', () => {
    const contents = fixture('text-phone-and-user-id.json');
    expect(contents.ignored).toEqual([]);
    expect(contents.messages).toEqual([
      expect.objectContaining({
        waId: PHONE,
        userId: RAVI_BSUID,
        profileName: 'Ravi',
        content: { type: 'text', text: 'Hi' },
      }),
    ]);
  });

  it('keys a username user who shares no number by their business-scoped user id', () => {
    const contents = fixture('text-username-user-id-only.json');
    expect(contents.ignored).toEqual([]);
    expect(contents.messages).toHaveLength(1);
    const [message] = contents.messages;
    expect(message).toMatchObject({ waId: LAKSHMI_BSUID, profileName: 'లక్ష్మి', content: { type: 'text', text: 'Hi' } });
    expect(message).not.toHaveProperty('userId');
  });

  it('matches a status without a phone number to its recipient by business-scoped user id', () => {
    const contents = fixture('status-recipient-user-id-only.json');
    expect(contents.ignored).toEqual([]);
    expect(contents.statuses).toEqual([
      expect.objectContaining({ status: 'delivered', recipient: LAKSHMI_BSUID, pricingCategory: 'service' }),
    ]);
  });

  it('prefers the phone number of a status when Meta gives both', () => {
    const contents = readWebhook({
      entry: [
        {
          changes: [
            {
              field: 'messages',
              value: {
                statuses: [
                  { id: 'wamid.A', status: 'read', timestamp: '1', recipient_id: PHONE, recipient_user_id: RAVI_BSUID },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(contents.statuses[0]?.recipient).toBe(PHONE);
  });

  it('ignores, with a reason, a message or status that names nobody it could key', () => {
    const contents = readWebhook({
      entry: [
        {
          changes: [
            {
              field: 'messages',
              value: {
                contacts: [{ profile: { name: 'x' } }],
                messages: [
                  { id: 'wamid.1', timestamp: '1', type: 'text', text: { body: 'Hi' } },
                  { from: '91700#SESSION', id: 'wamid.2', timestamp: '1', type: 'text', text: { body: 'Hi' } },
                ],
                statuses: [{ id: 'wamid.3', status: 'sent', timestamp: '1' }],
              },
            },
          ],
        },
      ],
    });
    expect(contents.messages).toEqual([]);
    expect(contents.statuses).toEqual([]);
    expect(contents.ignored.map((i) => i.reason)).toEqual([
      'message without a phone number or business-scoped user id',
      'message without a phone number or business-scoped user id',
      'status without a recipient',
    ]);
  });

  it('takes the number over the business-scoped user id, and neither when both are malformed', () => {
    expect(userKeyOf(PHONE, RAVI_BSUID)).toBe(PHONE);
    expect(userKeyOf(undefined, RAVI_BSUID)).toBe(RAVI_BSUID);
    expect(userKeyOf('+91 98765', RAVI_BSUID)).toBe(RAVI_BSUID);
    expect(userKeyOf('abc', 'in.123')).toBeUndefined();
  });
});

describe('UserKeySchema', () => {
  it('accepts a phone number or a business-scoped user id', () => {
    for (const key of [PHONE, '155507838', RAVI_BSUID, 'US.13491208655302741918', 'BR.a1B2c3']) {
      expect(UserKeySchema.safeParse(key).success, key).toBe(true);
    }
  });

  it('rejects anything else with a message that says what a user key is', () => {
    for (const key of [
      '91700#SESSION',
      '+919876543210',
      '12345',
      'IN.',
      'in.123',
      'IND.123',
      'IN.12#3',
      'IN 123',
      '',
    ]) {
      const result = UserKeySchema.safeParse(key);
      expect(result.success, key).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/phone number .* or a business-scoped user id/);
    }
  });

  it('never lets a table-key separator or a space through', () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        if (UserKeySchema.safeParse(key).success) expect(key).toMatch(/^[A-Za-z0-9.]+$/);
      }),
    );
  });

  it('is the rule of sessions, officers and certificate tasks alike', () => {
    expect(SessionSchema.safeParse(newSession(LAKSHMI_BSUID)).success).toBe(true);
    expect(SessionSchema.safeParse(newSession('91700#SESSION')).success).toBe(false);
    const officer = {
      id: 'REV-NLR-0001',
      name: 'A. Officer',
      department: 'revenue',
      role: 'tahsildar',
    };
    expect(OfficerSchema.safeParse({ ...officer, waId: RAVI_BSUID }).success).toBe(true);
    expect(OfficerSchema.safeParse({ ...officer, waId: '91700#SESSION' }).success).toBe(false);
    const task = {
      pk: 'TASK#wamid.1',
      sk: 'TASK',
      kind: 'certificate-task',
      messageId: 'wamid.1',
      language: 'en',
      createdAt: '2026-01-01T00:00:00Z',
      expiresAt: 1,
      task: 'scan',
      mediaKey: 'media/1.jpg',
    };
    expect(CertificateTaskSchema.safeParse({ ...task, waId: LAKSHMI_BSUID }).success).toBe(true);
    expect(CertificateTaskSchema.safeParse({ ...task, waId: 'IN.1#2' }).success).toBe(false);
  });
});

describe('sending to whichever id Meta accepts', () => {
  it('addresses a phone number by `to` and a business-scoped user id by `recipient`, never both', () => {
    expect(addressee(PHONE)).toEqual({ to: PHONE });
    expect(addressee(RAVI_BSUID)).toEqual({ recipient: RAVI_BSUID });
  });

  it('builds every kind of reply for a username user with `recipient` and no `to`', () => {
    const payloads = [
      graphPayload(LAKSHMI_BSUID, { type: 'text', text: 'Hello' }),
      graphPayload(LAKSHMI_BSUID, {
        type: 'buttons',
        body: 'Language?',
        buttons: [{ id: 'lang:en', title: 'English' }],
      }),
      graphPayload(
        LAKSHMI_BSUID,
        { type: 'template', name: 'mitra_update', language: 'en', parameters: ['Your certificate is ready'] },
        'unused',
      ),
    ];
    for (const payload of payloads) {
      expect(payload).toMatchObject({ messaging_product: 'whatsapp', recipient: LAKSHMI_BSUID });
      expect(payload).not.toHaveProperty('to');
    }
  });

  it('keeps `to` for a phone number, exactly as before', () => {
    expect(graphPayload(PHONE, { type: 'text', text: 'Hello' })).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: PHONE,
      type: 'text',
      text: { body: 'Hello', preview_url: false },
    });
  });

  it('leaves a read receipt unaddressed: it names the message, not the user', () => {
    const receipt = graphPayload(LAKSHMI_BSUID, { type: 'read-receipt', messageId: 'wamid.1' });
    expect(receipt).not.toHaveProperty('to');
    expect(receipt).not.toHaveProperty('recipient');
  });
});
