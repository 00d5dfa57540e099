import { z } from 'zod';

const Step = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('new') }),
  z.strictObject({ name: z.literal('choose-language') }),
  z.strictObject({ name: z.literal('menu') }),
  z.strictObject({
    name: z.literal('form'),
    serviceId: z.string(),
    fieldIndex: z.number().int().nonnegative(),
    values: z.record(z.string(), z.string()),
  }),
  z.strictObject({ name: z.literal('confirm'), serviceId: z.string(), values: z.record(z.string(), z.string()) }),
]);

/** A citizen's conversation state, stored as one item and written only conditionally on its version. */
export const SessionSchema = z.strictObject({
  waId: z.string(),
  /** 0 for a session never stored; each stored write increments it. */
  version: z.number().int().nonnegative(),
  language: z.enum(['en', 'te']).optional(),
  step: Step,
  /** The option ids the last menu showed, in order, so a typed number picks the same option as a tap. */
  options: z.array(z.string()).default([]),
  lastActiveAt: z.string().optional(),
});

export type Session = z.infer<typeof SessionSchema>;
export type SessionStep = Session['step'];

export function newSession(waId: string): Session {
  return { waId, version: 0, step: { name: 'new' }, options: [] };
}
