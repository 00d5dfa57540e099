import { describe, expect, it } from 'vitest';
import { versionFindings } from '../../tools/audit/versions.ts';

// The audit's reading of the archive bucket's version listing, which the local S3 (no versioning) never produces:
// in a WORM archive each key has one version and no delete marker, and anything else is named once per key.

const PDF = 'certificates/2026/11/28/MTR-REV-2026-000001.pdf';
const RECORD = 'certificates/2026/11/28/MTR-REV-2026-000001.json';
const LEAF = 'log/leaves/000000000000.json';
const KEY = 'keys/0123456789abcdef.pem';

let counter = 0;
const version = (key: string, isLatest: boolean) => ({
  key,
  versionId: `v${++counter}`,
  isLatest,
  deleteMarker: false,
});
const deleteMarker = (key: string, isLatest: boolean) => ({ ...version(key, isLatest), deleteMarker: true });

describe('object versions and delete markers in the audit', () => {
  it.each([
    {
      name: 'a clean archive (one version of each object) has no findings',
      versions: [version(KEY, true), version(LEAF, true), version(PDF, true), version(RECORD, true)],
      findings: [],
    },
    {
      name: 'an overwritten PDF is named once, with how many versions exist',
      versions: [version(PDF, false), version(PDF, true), version(RECORD, true)],
      findings: [{ kind: 'overwritten', object: PDF, detail: '2 versions of this object exist' }],
    },
    {
      name: 'a deleted signed record (a delete marker is its latest version) is named as deleted',
      versions: [version(PDF, true), version(RECORD, false), deleteMarker(RECORD, true)],
      findings: [{ kind: 'deleted', object: RECORD, detail: 'a delete marker hides this object' }],
    },
    {
      name: 'a record deleted and then put back is still named as deleted, once, not also as overwritten',
      versions: [version(RECORD, false), deleteMarker(RECORD, false), version(RECORD, true)],
      findings: [
        {
          kind: 'deleted',
          object: RECORD,
          detail: 'this object was deleted and put back: a delete marker lies under its current version (2 versions)',
        },
      ],
    },
    {
      name: 'a PDF overwritten and then deleted is named once, as deleted',
      versions: [version(PDF, false), version(PDF, false), deleteMarker(PDF, true)],
      findings: [{ kind: 'deleted', object: PDF, detail: 'a delete marker hides this object' }],
    },
    {
      name: 'versions of one key interleaved with other keys (as listing pages may split them) are grouped by key',
      versions: [
        version(PDF, false),
        version(KEY, true),
        version(RECORD, false),
        version(LEAF, true),
        version(PDF, false),
        deleteMarker(RECORD, true),
        version(PDF, true),
      ],
      findings: [
        { kind: 'deleted', object: RECORD, detail: 'a delete marker hides this object' },
        { kind: 'overwritten', object: PDF, detail: '3 versions of this object exist' },
      ],
    },
  ])('$name', ({ versions, findings }) => {
    expect(versionFindings(versions)).toEqual(findings);
    // The same listing in any order (pages answered in another order) gives the same findings.
    expect(versionFindings([...versions].reverse())).toEqual(findings);
  });

  it('has nothing to say about a store that lists no versions', () => {
    expect(versionFindings([])).toEqual([]);
  });
});
