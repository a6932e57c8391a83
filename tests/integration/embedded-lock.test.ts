import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbedded, type Database } from '@/db/client';
import { EmbeddedDatabaseInUseError } from '@/db/embedded-lock';

const run = promisify(execFile);
let dir: string;
const opened: Database[] = [];

afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the embedded data folder', () => {
  it('is refused to a second opener in the same process, and free again once closed', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hrd-lock-'));
    const first = await openEmbedded(dir);
    await expect(openEmbedded(dir)).rejects.toBeInstanceOf(EmbeddedDatabaseInUseError);
    await first.close();
    opened.push(await openEmbedded(dir));
  });

  it('is refused to another process, with a message that says what to do', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hrd-lock-'));
    opened.push(await openEmbedded(dir));
    const script = `require('./db/client').openEmbedded(${JSON.stringify(dir)}).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`;
    const outcome = await run(process.execPath, ['--import', 'tsx', '-e', script], { cwd: process.cwd() }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toMatch(/already open in another process \(pid \d+\)\. Stop that process first/);
  });
});
