import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { evidenceFiles } from '@/db/schema';
import type { CanaryBook } from './book';
import type { PlantedCases } from './cases';
import type { RecordStates } from './incidents';
import type { ConfidentialSpellings } from './spellings';
import type { Staff } from './staff';

/**
 * Evidence files (issue 16): confidential files on published records, and a file marked public on a
 * draft. Rows only (the public side reads no bytes to list them): their names and hashes are canaries.
 */
export async function plantEvidence(
  db: Db,
  { canary, hexCanary, publicToken }: CanaryBook,
  { d }: ConfidentialSpellings,
  { ngo, monitor, reviewer }: Staff,
  incidents: RecordStates,
  { cases, caseSourceId, firstEventId }: PlantedCases,
): Promise<void> {
  const evidenceRow = (subjectKind: 'incident' | 'case' | 'source' | 'legal_event', subjectId: string, what: string) => ({
    id: crypto.randomUUID(),
    organizationId: ngo.id,
    subjectKind,
    subjectId,
    title: `${canary(`${what}: file name`)}.jpg`,
    mediaType: 'image/jpeg',
    size: 1000,
    sha256: hexCanary(`${what}: file hash`),
    storageKey: hexCanary(`${what}: storage key`),
    wrappedKey: 'none',
    keyVersion: 1,
    uploadedBy: monitor.id,
  });
  await db.insert(evidenceFiles).values([
    evidenceRow('incident', incidents.published, 'confidential file on a published incident'),
    evidenceRow('case', cases.published, 'confidential file on a published case'),
    evidenceRow('source', caseSourceId, 'confidential file on a cited source'),
    evidenceRow('legal_event', String(firstEventId), 'confidential file on a legal event of a published case'),
    // A public copy of a published incident, whose title (typed when marking) names the confidential
    // person in a declined form: publication redacts it, and the public token shows that the title is there.
    {
      ...evidenceRow('incident', incidents.published, 'file with a public copy on a published incident'),
      markedPublicAt: '2000-01-01T00:00:00Z',
      markedPublicBy: reviewer.id,
      publicId: crypto.randomUUID(),
      publicTitle: `Burnt car of ${d.russianInstrumental} ${publicToken()}`,
      publicMediaType: 'image/jpeg',
      publicSize: 900,
      publicSha256: randomBytes(32).toString('hex'),
    },
    {
      ...evidenceRow('incident', incidents.draft, 'file marked public on a draft'),
      markedPublicAt: new Date().toISOString(),
      markedPublicBy: reviewer.id,
      publicId: crypto.randomUUID(),
      publicTitle: canary('public title of a file on a draft'),
      publicMediaType: 'image/jpeg',
      publicSize: 900,
      publicSha256: hexCanary('public copy hash of a file on a draft'),
    },
  ]);
}
