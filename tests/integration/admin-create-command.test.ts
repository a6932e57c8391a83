/**
 * `npm run admin:create` as the person installing the app runs it: on an empty server database and
 * on the embedded default, as a command. It prints a set-password link that works, never takes a
 * password, never waits for input, and refuses an email that has an account.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbedded, type Database, type Db } from '@/db/client';
import { auditLog, memberships, organizations, users } from '@/db/schema';
import { checkSignIn } from '@/server/auth/sign-in';
import { setPasswordWithLink } from '@/server/services/admin/set-password-links';
import { createTestDatabase, databaseUrlOf } from '../support/database';
import { callerFor } from '../support/factories';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

async function adminCreate(env: Record<string, string | undefined>, ...args: string[]) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  try {
    // A timeout turns a command that waits for input into a failure instead of a hung test.
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'cli/admin-create.ts', ...args], {
      cwd: root,
      // English unless a test reads another language, whatever the shell's LANG.
      env: { ...rest, NEXTAUTH_URL: 'https://monitor.example.org', HRD_LANG: 'en', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const tokenOf = (stdout: string) => /https:\/\/monitor\.example\.org\/set-password#([\w-]+)/.exec(stdout)?.[1];

/** The link sets a password once, and then the person signs in with it. */
async function expectLinkWorks(db: Db, token: string, email: string) {
  await setPasswordWithLink(db, { token, password: 'a long enough passphrase' });
  expect(await checkSignIn(db, { email, password: 'a long enough passphrase' }, null)).toMatchObject({ email });
  await expect(setPasswordWithLink(db, { token, password: 'another long passphrase' })).rejects.toThrow(/does not work/);
}

describe('npm run admin:create on PostgreSQL', () => {
  let database: Database;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: await databaseUrlOf(database.db) };
  });
  afterAll(() => database?.close());

  it('makes the organization and its first administrator, and prints a link that works once', async () => {
    expect(await (await callerFor(database.db, null)).viewer.firstAdminNeeded()).toBe(true);

    const made = await adminCreate(env, '--email', 'Aigerim@Example.org', '--name', 'Aigerim S.', '--org', 'kib-hr', '--org-name', 'KIBHR');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('aigerim@example.org');
    expect(made.stdout).toContain('“KIBHR” (kib-hr), created now');
    const token = tokenOf(made.stdout);
    expect(token).toBeDefined();

    const [organization] = await database.db.select().from(organizations).where(eq(organizations.slug, 'kib-hr'));
    expect(organization?.name).toBe('KIBHR');
    const [member] = await database.db
      .select({ role: memberships.role, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, organization!.id));
    expect(member).toEqual({ role: 'admin', email: 'aigerim@example.org' });
    const audit = await database.db.select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.organizationId, organization!.id));
    expect(audit).toEqual([{ action: 'user.created', actorId: null }]);

    expect(await (await callerFor(database.db, null)).viewer.firstAdminNeeded()).toBe(false);
    await expectLinkWorks(database.db, token!, 'aigerim@example.org');
  });

  it('adds a second administrator to an existing organization without renaming it', async () => {
    const made = await adminCreate(env, '--email', 'second@example.org', '--name', 'Second', '--org', 'kib-hr', '--org-name', 'Another name');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('“KIBHR” (kib-hr).');
    expect((await database.db.select().from(organizations)).map((o) => o.name)).toEqual(['KIBHR']);
  });

  it('refuses an email that has an account, says what to do, and changes nothing', async () => {
    const before = await database.db.select().from(users);
    const refused = await adminCreate(env, '--email', 'aigerim@example.org', '--name', 'Someone else', '--org', 'other-ngo');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/exists already; nothing was changed/);
    expect(refused.stderr).toMatch(/People page/);
    expect(await database.db.select().from(users)).toEqual(before);
    expect((await database.db.select().from(organizations)).map((o) => o.slug)).toEqual(['kib-hr']);
  });

  it('never takes a password, and explains a bad or missing argument', async () => {
    const withPassword = await adminCreate(env, '--email', 'p@example.org', '--name', 'P', '--org', 'kib-hr', '--password', 'secret');
    expect(withPassword.code).toBe(1);
    expect(withPassword.stderr).toMatch(/never takes a password/);

    const missing = await adminCreate(env, '--email', 'p@example.org');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Usage: npm run admin:create/);

    const badSlug = await adminCreate(env, '--email', 'p@example.org', '--name', 'P', '--org', 'Not A Slug');
    expect(badSlug.code).toBe(1);
    expect(badSlug.stderr).toMatch(/--org must be a slug/);
    expect(await database.db.select().from(users).where(eq(users.email, 'p@example.org'))).toEqual([]);
  });

  it("speaks the operator's language: a bad argument in Russian, an account that exists in Kazakh, a new administrator in Russian", async () => {
    const badSlug = await adminCreate({ ...env, HRD_LANG: 'ru' }, '--email', 'p@example.org', '--name', 'P', '--org', 'Not A Slug');
    expect(badSlug.code).toBe(1);
    expect(badSlug.stderr).toContain('--org должен быть кратким именем (slug)');
    expect(badSlug.stderr).toContain('Использование: npm run admin:create');

    const refused = await adminCreate({ ...env, HRD_LANG: 'kk' }, '--email', 'aigerim@example.org', '--name', 'Someone else', '--org', 'kib-hr');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('aigerim@example.org мекенжайымен тіркелгі бұрыннан бар; ештеңе өзгермеді.');

    const made = await adminCreate({ ...env, HRD_LANG: 'ru' }, '--email', 'third@example.org', '--name', 'Третий', '--org', 'kib-hr');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('Третий <third@example.org> — администратор организации «KIBHR» (kib-hr).');
    expect(made.stdout).toContain('Отправьте этому человеку одноразовую ссылку');
    expect(tokenOf(made.stdout)).toBeDefined();
    expect(made.stdout).not.toMatch(/administrator|Send them|until/);
  });
});

describe('npm run admin:create on the embedded default', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'hrd-admin-create-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('migrates a new data folder and makes the first administrator there', async () => {
    const made = await adminCreate({ HRD_DATA_DIR: folder }, '--email', 'first@example.org', '--name', 'First', '--org', 'ngo');
    expect(made.code, made.stderr).toBe(0);
    const token = tokenOf(made.stdout);
    expect(token).toBeDefined();

    const again = await adminCreate({ HRD_DATA_DIR: folder }, '--email', 'first@example.org', '--name', 'First', '--org', 'ngo');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already/);

    // The command has exited and released the folder: the app opens it and the link works.
    const database = await openEmbedded(folder);
    try {
      expect(await (await callerFor(database.db, null)).viewer.firstAdminNeeded()).toBe(false);
      await expectLinkWorks(database.db, token!, 'first@example.org');
    } finally {
      await database.close();
    }
  });
});
