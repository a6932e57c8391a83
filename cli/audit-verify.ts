/**
 * `npm run audit:verify`: checks that nobody has changed or removed rows of the audit log, by
 * walking its hash chain. Exit 0 when whole, 1 when broken, 2 when it could not check.
 * Reads the same database as the app (DATABASE_URL, or the embedded folder) and writes nothing.
 */
import { openConfiguredDatabase } from '../db/client';
import { EmbeddedDatabaseInUseError } from '../db/embedded-lock';
import { describeAuditChainReport, verifyAuditChain } from '../server/services/audit/verify';

async function main(): Promise<number> {
  const database = await openConfiguredDatabase();
  try {
    const report = await verifyAuditChain(database.db);
    const lines = describeAuditChainReport(report);
    if (report.whole) {
      for (const line of lines) console.log(line);
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
