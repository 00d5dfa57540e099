/**
 * The subset of EventBridge event patterns that Lambda event-source filters use: nested objects, lists of allowed
 * literal values, `{ prefix }`, `{ exists }` and `{ anything-but }`. A record matches when every key of the pattern
 * matches.
 */
export function matchesPattern(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.some((allowed) => matchesOne(allowed, value));
  if (pattern && typeof pattern === 'object') {
    if (!value || typeof value !== 'object') return false;
    return Object.entries(pattern).every(([key, sub]) => {
      const child = (value as Record<string, unknown>)[key];
      if (Array.isArray(sub) && sub.some((s) => s && typeof s === 'object' && 'exists' in s)) {
        return sub.some((s) => (s as { exists: boolean }).exists === (child !== undefined));
      }
      return child !== undefined && matchesPattern(sub, child);
    });
  }
  return pattern === value;
}

function matchesOne(allowed: unknown, value: unknown): boolean {
  if (allowed && typeof allowed === 'object') {
    const rule = allowed as Record<string, unknown>;
    if (typeof rule.prefix === 'string') return typeof value === 'string' && value.startsWith(rule.prefix);
    if ('anything-but' in rule) {
      const excluded = Array.isArray(rule['anything-but']) ? rule['anything-but'] : [rule['anything-but']];
      return !excluded.includes(value);
    }
    return false;
  }
  return allowed === value;
}
