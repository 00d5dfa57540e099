import { existsSync, readFileSync } from 'node:fs';
import { ConfigurationError } from '#core/errors.ts';

/**
 * A file the function's bundle carries beside its code (MitraFunction's `bundleFiles`, which copies it by name); under
 * vitest and the embedded runtime, read from the repository at `inRepository`.
 */
export function readBundledFile(inRepository: URL): Buffer {
  const name = inRepository.pathname.slice(inRepository.pathname.lastIndexOf('/') + 1);
  const found = [new URL(`./${name}`, import.meta.url), inRepository].find((candidate) => existsSync(candidate));
  if (!found) throw new ConfigurationError(`${name} is not bundled with the function`);
  return readFileSync(found);
}
