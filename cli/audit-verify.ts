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
import { formatMoment } from '../common/i18n';
import { operatorLanguage, say } from './language';

/** A moment the anchor noted, as the operator reads dates. */
const when = (iso: string) => formatMoment(new Date(iso), operatorLanguage);

function anchorArgument() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--anchor');
  if (at < 0) return null;
  const file = args[at + 1];
  if (!file) throw new Error(say('cli.audit.anchorFileMissing'));
  const parsed = auditAnchor.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(say('cli.audit.notAnAnchor', { file }));
  return { file, anchor: parsed.data };
}

async function main(): Promise<number> {
  const given = anchorArgument();
  const database = await openConfiguredDatabase();
  try {
    const report = await verifyAuditChain(database.db);
    const lines = describeAuditChainReport(report, say);
    if (report.whole) {
      for (const line of lines) console.log(line);
      if (!given) return 0;
      const missing = await checkAnchor(database.db, given.anchor);
      if (missing) {
        console.error(say(`cli.audit.${missing.reason}`, { ...missing.params, takenAt: when(missing.params.takenAt) }));
        return 1;
      }
      console.log(say('cli.audit.anchorHolds', { file: given.file, takenAt: when(given.anchor.takenAt), rows: given.anchor.rows }));
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
      console.error(say('cli.audit.noLog'));
    } else {
      console.error(say('cli.audit.couldNotCheck', { error: error instanceof Error ? error.message : String(error) }));
    }
    process.exit(2);
  },
);
