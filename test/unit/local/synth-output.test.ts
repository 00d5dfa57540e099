import { describe, expect, it } from 'vitest';
import { synthMessages } from '../../../local/synth.ts';

// What `cdk synth --quiet` wrote on stderr while npm start built the bundles (shortened).
const stderr = `Bundling asset Mitra-dev/Webhook/Function/Code/Stage...

  ...0e7fc4d925a2645ef0fa0d54ef640218daffbb31e8107-building/index.mjs  725.1kb
  ...c4d925a2645ef0fa0d54ef640218daffbb31e8107-building/index.mjs.map    2.1mb

⚡ Done in 1764ms
Bundling asset Mitra-dev/Certificate/Function/Code/Stage...

  ...46c3f5d8df30c0749f21425fa1a86e2b599e1a27638d3-building/index.mjs  2.0mb ⚠️
  ...f5d8df30c0749f21425fa1a86e2b599e1a27638d3-building/index.mjs.map  5.8mb

⚡ Done in 2621ms
[Warning at /Mitra-dev/Archive] Object Lock retention is shorter than a day
`;

describe('what npm start shows of the synth it runs', () => {
  it('drops bundling progress and keeps warnings', () => {
    expect(synthMessages(stderr)).toEqual([
      '[Warning at /Mitra-dev/Archive] Object Lock retention is shorter than a day',
    ]);
  });
});
