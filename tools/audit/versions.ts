/** One entry of the archive bucket's version listing: an object version or a delete marker. */
interface ObjectVersion {
  key: string;
  versionId: string;
  isLatest: boolean;
  deleteMarker: boolean;
}

interface VersionFinding {
  kind: 'deleted' | 'overwritten';
  object: string;
  detail: string;
}

/**
 * What the version listing shows of a WORM archive that was not kept: in it every key has exactly one version and no
 * delete marker. A key with a delete marker was deleted, whether the marker still hides the object or the object was
 * put back over it (the deletion happened, and whatever was put back is not necessarily what was deleted); a key with
 * more than one version was overwritten. Each key is reported once, deletion first, in key order, whatever order the
 * listing's pages came in.
 */
export function versionFindings(versions: readonly ObjectVersion[]): VersionFinding[] {
  const byKey = new Map<string, ObjectVersion[]>();
  for (const v of versions) byKey.set(v.key, [...(byKey.get(v.key) ?? []), v]);
  const findings: VersionFinding[] = [];
  for (const [key, list] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const objects = list.filter((v) => !v.deleteMarker).length;
    if (list.some((v) => v.deleteMarker && v.isLatest)) {
      findings.push({ kind: 'deleted', object: key, detail: 'a delete marker hides this object' });
    } else if (list.some((v) => v.deleteMarker)) {
      findings.push({
        kind: 'deleted',
        object: key,
        detail: `this object was deleted and put back: a delete marker lies under its current version (${objects} versions)`,
      });
    } else if (objects > 1) {
      findings.push({ kind: 'overwritten', object: key, detail: `${objects} versions of this object exist` });
    }
  }
  return findings;
}
