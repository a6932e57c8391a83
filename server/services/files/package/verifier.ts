import 'server-only';
/**
 * The offline verifier put into every evidence package: a Node.js script with no dependencies that
 * a lawyer's technician or a rapporteur's office runs on the unzipped folder (`node verify.mjs`),
 * without access to the system. It recomputes every original's SHA-256 and size against the
 * manifest, and every custody event's hash from its content and the hash before it (the audit
 * chain's rule), so a changed file, manifest line or event shows. Events of the keyed chain
 * (HMAC-SHA-256, server/services/audit/hash.ts) are checked when the organization gives the audit key
 * (AUDIT_KEY=… node verify.mjs); without it the script says which events it could not check.
 */
export const verifierScript = String.raw`#!/usr/bin/env node
// Verifies this evidence package offline. Usage: node verify.mjs [folder]   (Node.js 18 or later)
import { createHash, createHmac } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const folder = process.argv[2] ?? path.dirname(new URL(import.meta.url).pathname);
const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
const custody = JSON.parse(readFileSync(path.join(folder, 'custody.json'), 'utf8'));
let problems = 0;
const say = (ok, line) => { if (!ok) problems++; console.log((ok ? 'OK       ' : 'MISMATCH ') + line); };

const sha256OfFile = (file) => new Promise((resolve, reject) => {
  const hash = createHash('sha256');
  createReadStream(file).on('data', (chunk) => hash.update(chunk)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
});

for (const file of manifest.files) {
  const where = path.join(folder, file.path);
  let actual = null;
  try { actual = { size: statSync(where).size, sha256: await sha256OfFile(where) }; } catch { actual = null; }
  say(actual !== null && actual.sha256 === file.sha256 && actual.size === file.size, file.path + ' (' + file.title + '): SHA-256 ' + file.sha256);
}

// The audit chain's rule: sha256(previousHash + "\n" + canonical JSON of the event's content).
const canonical = (value) => {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (value && typeof value === 'object') {
    return '{' + Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => JSON.stringify(k) + ':' + canonical(v)).join(',') + '}';
  }
  return JSON.stringify(value ?? null);
};
// Keyed events need the audit key: its id is derived from it as the system derives it.
const keys = new Map((process.env.AUDIT_KEY ? [process.env.AUDIT_KEY] : []).map((secret) =>
  [createHash('sha256').update('hrd-audit-key-id\0').update(secret).digest('hex').slice(0, 16), secret]));
let unchecked = 0;
for (const event of custody.events) {
  const content = { at: new Date(event.at).toISOString(), actorId: event.actorId, action: event.action, organizationId: event.organizationId,
    subjectType: event.subjectType, subjectId: event.subjectId, details: event.details };
  const line = 'custody event ' + event.id + ' ' + event.action + ' at ' + event.at;
  if (event.keyId) {
    const secret = keys.get(event.keyId);
    if (!secret) { unchecked++; console.log('UNCHECKED ' + line + ' (keyed with audit key ' + event.keyId + ': run with AUDIT_KEY set to check it)'); continue; }
    const mac = createHmac('sha256', secret).update(event.previousHash).update('\n').update(event.keyId).update('\n').update(canonical(content)).digest('hex');
    say(mac === event.hash, line);
    continue;
  }
  const hash = createHash('sha256').update(event.previousHash).update('\n').update(canonical(content)).digest('hex');
  say(hash === event.hash, line);
}
for (const file of manifest.files) {
  const events = custody.events.filter((event) => event.details && event.details.sha256 === file.sha256);
  say(events.some((event) => event.action === 'file.upload'), file.path + ': its upload is among the custody events');
}
if (problems === 0 && unchecked > 0) console.log('The files are intact; ' + unchecked + ' custody event(s) could not be checked without the audit key.');
else console.log(problems === 0 ? 'The package is intact: every file and custody event matches.' : problems + ' problem(s) found: the package was changed after it was made.');
process.exit(problems === 0 ? 0 : 1);
`;
