/**
 * Where to go after signing in: only a path on this site. Anything else ("https://…", "//host",
 * "/\\host", or control characters and spaces that browsers strip into "//") falls back to the list.
 */
export function safeCallbackPath(value: unknown): string {
  const fallback = '/incidents';
  if (typeof value !== 'string' || value.length > 500) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  for (const character of value) {
    const code = character.charCodeAt(0);
    if (code <= 0x20 || code === 0x7f) return fallback;
  }
  return value;
}
