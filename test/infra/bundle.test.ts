import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { catalogData } from '#core/catalog/data.ts';
import { strings } from '#core/i18n/strings.ts';
import { mitraFunction, type SynthesizedMitra, synthesizeMitra } from './mitra-template.ts';

// The embedded runtime loads every handler from its bundle in cdk.out; these are the files it relies on.
let outdir: string;
let synthesized: SynthesizedMitra;

const bundleOf = (name: string) => {
  const [, fn] = mitraFunction(synthesized.template, name);
  return join(outdir, fn.Metadata?.['aws:asset:path'] as string);
};

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'mitra-bundle-'));
  synthesized = synthesizeMitra({}, { bundle: true, outdir });
}, 300_000);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('function bundles', () => {
  it.each(['webhook', 'sender', 'workflow-steps', 'certificate', 'certificate-tasks', 'verify', 'catalog'])(
    '%s is one minified ESM file with its source map and a require shim',
    (name) => {
      const dir = bundleOf(name);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(
        code.startsWith("import { createRequire } from 'module'; const require = createRequire(import.meta.url);"),
      ).toBe(true);
      expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
      expect(code).toMatch(/export\s*\{[^}]*\bhandler\b/);
    },
  );

  it('carries the fonts, their licence and HarfBuzz in the certificate bundle', () => {
    const dir = bundleOf('certificate');
    expect(readdirSync(join(dir, 'fonts')).sort()).toEqual(
      [
        'NotoSans-Bold.ttf',
        'NotoSans-Regular.ttf',
        'NotoSansTelugu-Bold.ttf',
        'NotoSansTelugu-Regular.ttf',
        'OFL.txt',
      ].sort(),
    );
    expect(readFileSync(join(dir, 'fonts', 'NotoSans-Regular.ttf'))).toEqual(
      readFileSync(new URL('../../assets/fonts/NotoSans-Regular.ttf', import.meta.url)),
    );
    expect(existsSync(join(dir, 'harfbuzz.wasm'))).toBe(true);
  });

  it('keeps fonts out of bundles that render nothing', () => {
    expect(existsSync(join(bundleOf('webhook'), 'fonts'))).toBe(false);
  });

  it('carries the catalog and the strings as JSON beside the code of the functions that read them, not inside it', () => {
    for (const name of ['webhook', 'certificate', 'catalog']) {
      const dir = bundleOf(name);
      // The catalog as its closed schema parsed it when the bundle was built: the function carries no schema to parse it.
      expect(JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8'))).toEqual(catalog());
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code).not.toContain(catalogData.documents['income-certificate']!.body.te);
      expect(code).not.toContain(strings.consentNotice.te);
      expect(code).not.toContain('the English and Telugu bodies must name the same values');
    }
    // zod's mini build only: the classic API's schemas are named ZodString, ZodObject, …
    expect(readFileSync(join(bundleOf('webhook'), 'index.mjs'), 'utf8')).not.toMatch(/"Zod(String|Object)"/);
    for (const name of ['webhook', 'certificate']) {
      expect(JSON.parse(readFileSync(join(bundleOf(name), 'strings.json'), 'utf8'))).toEqual(strings);
    }
    // The public catalog names no citizen-facing string; the sender reads neither.
    expect(existsSync(join(bundleOf('catalog'), 'strings.json'))).toBe(false);
    expect(existsSync(join(bundleOf('sender'), 'catalog.json'))).toBe(false);
  });
});
