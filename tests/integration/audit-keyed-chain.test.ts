/**
 * The audit chain is keyed (HMAC with a key the database never holds) and anchored: whoever can
 * write the table, without the key, cannot forge a row and recompute the chain, cannot pass the
 * log off as an unkeyed chain, and cannot remove the newest rows once an anchor was taken.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, desc, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { auditRowHash, auditRowMac, genesisHash } from '@/server/services/audit/hash';
import { loadAuditKeyring } from '@/server/services/audit/key';
import { reanchorAuditChain, recordAudit } from '@/server/services/audit/record';
import { verifyAuditChain } from '@/server/services/audit/verify';
import { createTestDatabase, databaseUrlOf } from '../support/database';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const folder = mkdtempSync(path.join(tmpdir(), 'hrd-anchor-'));

let database: Database;
let db: Db;
let databaseUrl: string;

async function write(n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    await db.transaction((tx) => recordAudit(tx, { actorId: null, action: 'incident.submit', subjectType: 'incident', subjectId: `s-${i}`, details: { i } }));
  }
}

async function tamper(statement: ReturnType<typeof sql>) {
  await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
  }
}

async function command(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, HRD_LANG: 'en', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  databaseUrl = await databaseUrlOf(db);
});
afterAll(async () => {
  await database?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the keyed audit chain', () => {
  it('puts rows of the old unkeyed chain under the key with one re-anchoring row', async () => {
    // Two rows as the app wrote them before the key: plain SHA-256.
    let previousHash = genesisHash;
    for (const i of [1, 2]) {
      const content = { at: new Date().toISOString(), actorId: null, action: 'user.sign_in', organizationId: null, subjectType: null, subjectId: null, details: { old: i } };
      const hash = auditRowHash(previousHash, content);
      await db.insert(auditLog).values({ ...content, previousHash, hash, keyId: null });
      previousHash = hash;
    }
    // Unkeyed only: not accepted, anyone could have written that.
    expect(await verifyAuditChain(db)).toMatchObject({ whole: false, broken: { problem: 'unkeyed' } });

    expect(await db.transaction((tx) => reanchorAuditChain(tx))).toBe(true);
    expect(await db.transaction((tx) => reanchorAuditChain(tx))).toBe(false);
    await write(3);
    const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(rows.map((row) => row.action)).toEqual(['user.sign_in', 'user.sign_in', 'audit.reanchored', 'incident.submit', 'incident.submit', 'incident.submit']);
    expect(rows[2]!.details).toMatchObject({ unkeyedRows: 2, unkeyedHead: previousHash });
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true, rows: 6, unkeyedRows: 2 });
  });

  it('an old row changed and the old chain recomputed breaks at the re-anchoring row', async () => {
    const [first, second] = await db.select().from(auditLog).orderBy(asc(auditLog.id)).limit(2);
    const forgedHash = auditRowHash(genesisHash, { ...contentOf(first!), details: { old: 99 } });
    const secondHash = auditRowHash(forgedHash, contentOf(second!));
    await tamper(sql`UPDATE audit_log SET details = '{"old":99}'::jsonb, hash = ${forgedHash} WHERE id = ${first!.id}`);
    await tamper(sql`UPDATE audit_log SET previous_hash = ${forgedHash}, hash = ${secondHash} WHERE id = ${second!.id}`);
    try {
      expect(await verifyAuditChain(db)).toMatchObject({ whole: false, broken: { position: 3, problem: 'link' } });
    } finally {
      await tamper(sql`UPDATE audit_log SET details = ${JSON.stringify(first!.details)}::jsonb, hash = ${first!.hash} WHERE id = ${first!.id}`);
      await tamper(sql`UPDATE audit_log SET previous_hash = ${second!.previousHash}, hash = ${second!.hash} WHERE id = ${second!.id}`);
    }
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true });
  });

  it('a row forged and the chain recomputed with another key fails verification, and the command says so', async () => {
    const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
    const attacker = { id: rows[3]!.keyId!, secret: 'the attacker does not have the key, so guesses one 0123456789' };
    let previousHash = rows[2]!.hash;
    const originals = rows.slice(3);
    for (const row of originals) {
      const details = row.id === rows[3]!.id ? { i: 'forged' } : row.details;
      const hash = auditRowMac(attacker.secret, attacker.id, previousHash, { ...contentOf(row), details });
      await tamper(sql`UPDATE audit_log SET details = ${JSON.stringify(details)}::jsonb, previous_hash = ${previousHash}, hash = ${hash} WHERE id = ${row.id}`);
      previousHash = hash;
    }
    try {
      expect(await verifyAuditChain(db)).toMatchObject({ whole: false, broken: { id: rows[3]!.id, problem: 'content' } });
      const result = await command('cli/audit-verify.ts', []);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Audit chain broken at row ${rows[3]!.id}`);
    } finally {
      for (const row of originals) {
        await tamper(sql`UPDATE audit_log SET details = ${JSON.stringify(row.details)}::jsonb, previous_hash = ${row.previousHash}, hash = ${row.hash} WHERE id = ${row.id}`);
      }
    }
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true });
  });

  it('the whole log rewritten as an unkeyed chain fails verification', async () => {
    const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
    let previousHash = genesisHash;
    for (const row of rows) {
      const hash = auditRowHash(previousHash, contentOf(row));
      await tamper(sql`UPDATE audit_log SET key_id = NULL, previous_hash = ${previousHash}, hash = ${hash} WHERE id = ${row.id}`);
      previousHash = hash;
    }
    try {
      expect(await verifyAuditChain(db)).toMatchObject({ whole: false, broken: { problem: 'unkeyed' } });
    } finally {
      for (const row of rows) {
        await tamper(sql`UPDATE audit_log SET key_id = ${row.keyId}, previous_hash = ${row.previousHash}, hash = ${row.hash} WHERE id = ${row.id}`);
      }
    }
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true });
  });

  it('without the key the chain cannot be checked, and says which key it needs', async () => {
    const other = loadAuditKeyring({ AUDIT_KEY: 'some other key that signed nothing here 0123456789' });
    expect(await verifyAuditChain(db, other)).toMatchObject({ whole: false, broken: { position: 3, problem: 'key' } });
    // An older key kept in the key file (rotation) still verifies its rows.
    const rotated = loadAuditKeyring({ AUDIT_KEY: 'some other key that signed nothing here 0123456789', AUDIT_KEY_FILE: keyFileWith(process.env.AUDIT_KEY!) });
    expect(await verifyAuditChain(db, rotated)).toMatchObject({ whole: true });
  });

  it('an anchor shows the newest rows removed after it, which the chain alone cannot', async () => {
    const anchorFile = path.join(folder, 'anchor.json');
    const taken = await command('cli/audit-anchor.ts', [anchorFile]);
    expect(taken.code).toBe(0);
    const anchor = JSON.parse(readFileSync(anchorFile, 'utf8'));
    expect(anchor).toMatchObject({ kind: 'hrd-monitor audit anchor', rows: 6 });

    await write(2, 10);
    expect((await command('cli/audit-verify.ts', ['--anchor', anchorFile])).code).toBe(0);

    const newest = await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(4);
    await tamper(sql`DELETE FROM audit_log WHERE id >= ${newest.at(-1)!.id}`);
    // The chain that is left is whole…
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true, rows: 4 });
    expect((await command('cli/audit-verify.ts', [])).code).toBe(0);
    // …but the anchor knows better.
    const checked = await command('cli/audit-verify.ts', ['--anchor', anchorFile]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(`Row ${anchor.lastId}, the newest row when the anchor was taken`);
  });
});

function contentOf(row: typeof auditLog.$inferSelect) {
  const { at, actorId, action, organizationId, subjectType, subjectId, details } = row;
  return { at, actorId, action, organizationId, subjectType, subjectId, details };
}

function keyFileWith(secret: string): string {
  const file = path.join(folder, 'audit.keys');
  writeFileSync(file, `# older key\n${secret}\n`);
  return file;
}
