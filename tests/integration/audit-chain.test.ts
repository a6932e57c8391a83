/**
 * The audit log is tamper-evident: `npm run audit:verify` walks the hash chain and names the first
 * row that was changed, or the row after one that was removed, and exits non-zero.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { auditLog } from '@/db/schema';
import { auditRowHash } from '@/server/services/audit/hash';
import { recordAudit } from '@/server/services/audit/record';
import { verifyAuditChain } from '@/server/services/audit/verify';
import { createTestDatabase, testServerUrl } from '../support/database';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

let database: Database;
let db: Db;
let databaseUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const [row] = rowsOf<{ name: string }>(await db.execute(sql`SELECT current_database() AS name`));
  const url = new URL(testServerUrl());
  url.pathname = `/${row!.name}`;
  databaseUrl = url.toString();
  for (const [i, action] of ['incident.submit', 'membership.role_changed', 'user.sign_in', 'exchange.import', 'user.deactivated'].entries()) {
    await db.transaction((tx) =>
      recordAudit(tx, {
        actorId: '00000000-0000-4000-8000-00000000000' + i,
        action,
        subjectType: 'user',
        subjectId: `subject-${i}`,
        details: { step: i, note: 'Ünïcode and "quotes"', nested: { b: 2, a: [1, 'x'] } },
      }),
    );
  }
});
afterAll(async () => {
  await database?.close();
});

async function allRows() {
  return db.select().from(auditLog).orderBy(asc(auditLog.id));
}

/** Runs an UPDATE or DELETE that the append-only trigger normally refuses, as an attacker with table rights could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  }
}

/** The command as an operator whose language is `language` runs it (HRD_LANG, whatever the shell's LANG). */
async function verifyCommand(language = 'en'): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'cli/audit-verify.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, HRD_LANG: language },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('audit chain verification', () => {
  it('finds a whole chain whole, and the command says so with exit code 0', async () => {
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true, rows: 5 });
    const result = await verifyCommand();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Audit chain whole: 5 rows');
  });

  it('the database itself refuses to change or remove a row', async () => {
    const [first] = await allRows();
    await expect(db.execute(sql`UPDATE audit_log SET action = 'nothing' WHERE id = ${first!.id}`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log WHERE id = ${first!.id}`)).rejects.toThrow();
  });

  it('names exactly the row whose content was changed behind the trigger’s back', async () => {
    const rows = await allRows();
    const target = rows[2]!;
    await tamper(sql`UPDATE audit_log SET details = jsonb_set(details, '{step}', '99') WHERE id = ${target.id}`);
    try {
      const report = await verifyAuditChain(db);
      expect(report).toMatchObject({ whole: false, rows: 2, broken: { id: target.id, position: 3, problem: 'content', found: target.hash } });

      const result = await verifyCommand();
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Audit chain broken at row ${target.id} (position 3`);
      expect(result.stderr).toContain('was changed after it was written');
      expect(result.stderr).toContain(`stored hash:               ${target.hash}`);

      // An operator who reads Russian or Kazakh reads the report in that language, hashes as they are.
      const russian = await verifyCommand('ru');
      expect(russian.code).toBe(1);
      expect(russian.stderr).toContain(`Цепочка журнала аудита нарушена на строке ${target.id} (позиция 3`);
      expect(russian.stderr).toContain(`Строка ${target.id} (позиция 3) изменена после записи`);
      expect(russian.stderr).toContain(target.hash);
      expect(russian.stderr).not.toMatch(/Audit chain|was changed/);
    } finally {
      await tamper(sql`UPDATE audit_log SET details = ${JSON.stringify(target.details)}::jsonb WHERE id = ${target.id}`);
    }
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true, rows: 5 });
  }, 120_000); // the command runs twice (English, Russian): seconds each

  it('notices a changed time and actor, not only details', async () => {
    const rows = await allRows();
    const target = rows[1]!;
    await tamper(sql`UPDATE audit_log SET at = at + interval '1 second' WHERE id = ${target.id}`);
    expect(await verifyAuditChain(db)).toMatchObject({ whole: false, broken: { id: target.id, problem: 'content' } });
    await tamper(sql`UPDATE audit_log SET at = ${target.at}::timestamptz, actor_id = NULL WHERE id = ${target.id}`);
    expect(await verifyAuditChain(db)).toMatchObject({ whole: false, broken: { id: target.id, problem: 'content' } });
    await tamper(sql`UPDATE audit_log SET actor_id = ${target.actorId} WHERE id = ${target.id}`);
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true });
  });

  it('notices a removed row at the row after it', async () => {
    const rows = await allRows();
    const removed = rows[1]!;
    const next = rows[2]!;
    await tamper(sql`DELETE FROM audit_log WHERE id = ${removed.id}`);
    try {
      const report = await verifyAuditChain(db);
      expect(report).toMatchObject({
        whole: false,
        rows: 1,
        broken: { id: next.id, position: 2, problem: 'link', expected: rows[0]!.hash, found: removed.hash },
      });
      const result = await verifyCommand();
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Row ${next.id} (position 2) does not follow row ${rows[0]!.id}`);
    } finally {
      // Put it back as it was, id included: the chain is whole again.
      await db.insert(auditLog).values(removed);
    }
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true, rows: 5 });
  });

  it('notices the removal of the oldest rows', async () => {
    const [oldest] = await allRows();
    await tamper(sql`DELETE FROM audit_log WHERE id = ${oldest!.id}`);
    try {
      expect(await verifyAuditChain(db)).toMatchObject({ whole: false, rows: 0, broken: { position: 1, problem: 'link' } });
    } finally {
      await db.insert(auditLog).values(oldest!);
    }
  });

  it('notices a row changed with its hash recomputed without the key (plain SHA-256, as before the key), at that row', async () => {
    const rows = await allRows();
    const target = rows[3]!;
    const forgedDetails = { ...target.details, step: 42 };
    const { at, actorId, action, organizationId, subjectType, subjectId } = target;
    const forgedHash = auditRowHash(target.previousHash, { at, actorId, action, organizationId, subjectType, subjectId, details: forgedDetails });
    await tamper(sql`UPDATE audit_log SET details = ${JSON.stringify(forgedDetails)}::jsonb, hash = ${forgedHash} WHERE id = ${target.id}`);
    try {
      expect(await verifyAuditChain(db)).toMatchObject({
        whole: false,
        rows: 3,
        broken: { id: target.id, position: 4, problem: 'content', found: forgedHash },
      });
    } finally {
      await tamper(sql`UPDATE audit_log SET details = ${JSON.stringify(target.details)}::jsonb, hash = ${target.hash} WHERE id = ${target.id}`);
    }
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true });
  });
});
