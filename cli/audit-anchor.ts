/**
 * `npm run audit:anchor [-- FILE]`: verifies the audit chain and writes its head (last row, its
 * hash, the time) as JSON to FILE or to the screen, for keeping somewhere the server cannot reach.
 * `npm run audit:verify -- --anchor FILE` later shows whether rows were removed after it.
 * Exit 0 when written, 1 when the chain is broken (no anchor of a broken chain), 2 when it could not check.
 */
import { writeFileSync } from 'node:fs';
import { openConfiguredDatabase } from '../db/client';
import { anchorOf } from '../server/services/audit/anchor';
import { describeAuditChainReport, verifyAuditChain } from '../server/services/audit/verify';
import { say } from './language';

async function main(): Promise<number> {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  const database = await openConfiguredDatabase();
  try {
    const report = await verifyAuditChain(database.db);
    if (!report.whole) {
      for (const line of describeAuditChainReport(report, say)) console.error(line);
      console.error(say('cli.audit.noAnchorWritten'));
      return 1;
    }
    const text = `${JSON.stringify(anchorOf(report), null, 2)}\n`;
    if (file) {
      writeFileSync(file, text, { mode: 0o644 });
      console.log(say('cli.audit.anchorWritten', { rows: report.rows, file }));
    } else {
      process.stdout.write(text);
    }
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(say('cli.audit.couldNotAnchor', { error: error instanceof Error ? error.message : String(error) }));
    process.exit(2);
  },
);
