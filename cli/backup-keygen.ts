/**
 * `npm run backup:keygen`: a new age key pair for backups. The public key (age1…) goes into
 * BACKUP_RECIPIENTS on the server; the secret key is kept off the server, and given as
 * BACKUP_IDENTITY only where a backup is restored.
 */
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { say } from './language';

async function main() {
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  console.log(say('cli.backup.publicKey', { key: recipient }));
  console.log(say('cli.backup.secretKey'));
  console.log(identity);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
