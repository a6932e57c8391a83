import 'server-only';
/**
 * A Content-Disposition header for a name people chose: an ASCII fallback with anything unsafe
 * replaced, and the real name in RFC 5987 form. The name is only ever data here, never a path.
 */
export function attachmentDisposition(name: string, kind: 'inline' | 'attachment'): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\/;%]/g, '_').slice(0, 150) || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
