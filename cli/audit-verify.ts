/**
 * `npm run audit:verify [-- --anchor FILE]`: checks that nobody has changed or removed rows of the
 * audit log, by walking its keyed hash chain (the key: AUDIT_KEY or AUDIT_KEY_FILE, as the app), and,
 * given an anchor from `npm run audit:anchor`, that no row was removed after it.
 * Exit 0 when whole, 1 when broken, 2 when it could not check.
 * Reads the same database as the app (DATABASE_URL, or the embedded folder) and writes nothing.
 */
import { readFileSync } from 'node:fs';
import { openConfiguredDatabase } from '../db/client';
import { EmbeddedDatabaseInUseError } from '../db/embedded-lock';
import { auditAnchor, checkAnchor } from '../server/services/audit/anchor';
import { describeAuditChainReport, verifyAuditChain } from '../server/services/audit/verify';

function anchorArgument() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--anchor');
  if (at < 0) return null;
  const file = args[at + 1];
  if (!file) throw new Error('Give the anchor file after --anchor.');
  const parsed = auditAnchor.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not an anchor written by npm run audit:anchor.`);
  return { file, anchor: parsed.data };
}

async function main(): Promise<number> {
  const given = anchorArgument();
  const database = await openConfiguredDatabase();
  try {
    const report = await verifyAuditChain(database.db);
    const lines = describeAuditChainReport(report);
    if (report.whole) {
      for (const line of lines) console.log(line);
      if (!given) return 0;
      const missing = await checkAnchor(database.db, given.anchor);
      if (missing) {
        console.error(missing);
        return 1;
      }
      console.log(`Everything the anchor ${given.file} (${given.anchor.takenAt}, ${given.anchor.rows} rows) saw is still there.`);
      return 0;
    }
    for (const line of lines) console.error(line);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof EmbeddedDatabaseInUseError) {
      console.error(error.message);
    } else if (/relation "audit_log" does not exist/.test(String((error as { cause?: unknown })?.cause ?? error))) {
      console.error('This database has no audit log yet: run `npm run db:migrate` first.');
    } else {
      console.error(`Could not check the audit log: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(2);
  },
);
