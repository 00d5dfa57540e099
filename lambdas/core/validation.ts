import { config, type core } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// Every schema is built from this zod: the mini build, which tree-shakes to what the schemas use, with English
// messages. zod/mini carries none of its own (every issue would read "Invalid input"); the locale is set for the
// process when the first schema's module loads, before anything is parsed.
config(en());

export * from 'zod/mini';

/** One issue as `path: message`, naming the value itself `itself` when the issue is about all of it. */
export function issueLine(issue: core.$ZodIssue, itself = ''): string {
  return `${issue.path.join('.') || itself}: ${issue.message}`;
}
