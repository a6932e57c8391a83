import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Db } from '@/db/client';
import { auditLog, type EvidenceSubject, users } from '@/db/schema';
import { evidencePolicy } from '@/server/policy/evidence';
import type { Viewer } from '@/server/policy/viewer';
import { notFound } from '../../../errors';
import { recordCustody } from '../custody';
import { listAttached } from '../manage';
import { findFile, openOriginal } from '../read';
import type { FileStore } from '../store/types';
import { subjectOwner } from '../subjects';
import { verifierScript } from './verifier';
import { zipStream } from './zip';

const readme = (kind: string, id: string) => `Evidence package of ${kind} ${id}

originals/    the files exactly as uploaded, each named by its SHA-256
manifest.json each file: SHA-256, size, type, title, who uploaded it and when, capture date
custody.json  the custody events of these files from the system's hash-chained audit log
verify.mjs    checks all of the above offline: node verify.mjs   (Node.js 18 or later)

Each custody event's hash covers its content and the hash of the event before it in the audit log
(previousHash); "chainHead" is the log's last hash when the package was made, to compare with the
system's own "npm run audit:verify" or a later package.
`;

/**
 * An evidence package of an incident or a case: a ZIP with its originals, a manifest, the custody
 * events and an offline verifier. The export is itself a custody event of each file, recorded
 * (and committed) before the first byte leaves, so the package's own custody list includes it.
 */
type PackageSubject = { viewer: Viewer; subjectKind: Extract<EvidenceSubject, 'incident' | 'case'>; subjectId: string };

/** NOT_FOUND unless the record exists and the viewer sees its files: checked before anything else is asked of them. */
export async function assertCanPackage(db: Db, params: PackageSubject): Promise<void> {
  const organizationId = await subjectOwner(db, params.subjectKind, params.subjectId);
  if (!organizationId || !evidencePolicy.canSee(params.viewer, { organizationId })) throw notFound(params.subjectKind);
}

export async function evidencePackage(db: Db, deps: { store: FileStore; masterKey: Buffer }, params: PackageSubject): Promise<{ name: string; body: Readable }> {
  await assertCanPackage(db, params);
  const listed = await listAttached(db, params.subjectKind, params.subjectId);
  const files = (await Promise.all(listed.map((file) => findFile(db, file.id)))).filter((file) => file !== null);
  if (files.reduce((total, file) => total + file.size, 0) > 3.5 * 1024 ** 3) {
    throw new Error('This record’s files exceed 3.5 GiB: too large for one package.');
  }
  const chainHead = await db.transaction(async (tx) => {
    for (const file of files) await recordCustody(tx, params.viewer.id, 'file.export', file, { package: `${params.subjectKind}:${params.subjectId}` });
    // The newest row: what any later event chains onto.
    const [latest] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    return latest?.hash ?? null;
  });
  const events = files.length
    ? await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, 'evidence_file'), inArray(auditLog.subjectId, files.map((file) => file.id))))
        .orderBy(asc(auditLog.id))
    : [];
  const uploaders = new Map(listed.map((file) => [file.id, file.uploaderName]));
  const actorIds = [...new Set(events.map((event) => event.actorId).filter((id) => id !== null))];
  const actors = actorIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds)) : [];
  const manifest = {
    format: 'hrd-monitor evidence package 1',
    record: { kind: params.subjectKind, id: params.subjectId },
    madeAt: new Date().toISOString(),
    madeBy: params.viewer.name,
    files: files.map((file) => ({
      path: `originals/${file.sha256}`,
      title: file.title,
      sha256: file.sha256,
      size: file.size,
      media_type: file.mediaType,
      uploaded_by: uploaders.get(file.id) ?? null,
      uploaded_at: new Date(file.uploadedAt).toISOString(),
      captured_at: file.capturedAt ? new Date(file.capturedAt).toISOString() : null,
    })),
  };
  const custody = {
    rule: 'keyed events (keyId set): hash = HMAC-SHA-256(audit key, previousHash + "\\n" + keyId + "\\n" + canonical JSON of {at, actorId, action, organizationId, subjectType, subjectId, details}); older events: hash = sha256(previousHash + "\\n" + canonical JSON of the same)',
    chainHead,
    actors: Object.fromEntries(actors.map((actor) => [actor.id, actor.name])),
    events: events.map((event) => ({ ...event, at: new Date(event.at).toISOString() })),
  };
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  // Two files with the same bytes are one original in the package.
  const unique = [...new Map(files.map((file) => [file.sha256, file])).values()];
  const body = zipStream([
    { name: 'README.txt', body: () => Buffer.from(readme(params.subjectKind, params.subjectId)) },
    { name: 'manifest.json', body: () => json(manifest) },
    { name: 'custody.json', body: () => json(custody) },
    { name: 'verify.mjs', body: () => Buffer.from(verifierScript) },
    ...unique.map((file) => ({ name: `originals/${file.sha256}`, body: () => openOriginal(db, deps.store, deps.masterKey, file) })),
  ]);
  return { name: `evidence-${params.subjectKind}-${params.subjectId}.zip`, body };
}
