import 'server-only';
import { readFileSync } from 'node:fs';
import { Decrypter, Encrypter } from 'age-encryption';

/**
 * Backups are encrypted with age (age-encryption.org): to public keys, so a server can write
 * backups that only the holders of the private keys can read (the key need not be on the server at
 * all), or with a passphrase. Either way a stolen backup holds no readable name.
 */
export class BackupKeyError extends Error {}

/** To how many public keys a backup is encrypted (0: to a passphrase); the command says it in the operator's language. */
export type EncryptedTo = { keys: number };

/** BACKUP_RECIPIENTS: age public keys (age1…), separated by spaces, commas or new lines. BACKUP_PASSPHRASE otherwise. */
export function backupEncrypter(env: NodeJS.ProcessEnv = process.env): { encrypter: Encrypter; encryptedTo: EncryptedTo } {
  const encrypter = new Encrypter();
  const recipients = (env.BACKUP_RECIPIENTS ?? '').split(/[\s,]+/).filter(Boolean);
  if (recipients.length > 0) {
    for (const recipient of recipients) {
      try {
        encrypter.addRecipient(recipient);
      } catch {
        throw new BackupKeyError(`BACKUP_RECIPIENTS holds “${recipient.slice(0, 12)}…”, which is not an age public key (age1…).`);
      }
    }
    if (env.BACKUP_PASSPHRASE) throw new BackupKeyError('Set BACKUP_RECIPIENTS or BACKUP_PASSPHRASE, not both: age encrypts a file to keys or to a passphrase.');
    return { encrypter, encryptedTo: { keys: recipients.length } };
  }
  if (env.BACKUP_PASSPHRASE) {
    if (env.BACKUP_PASSPHRASE.length < 12) throw new BackupKeyError('BACKUP_PASSPHRASE is too short: use at least 12 characters (a few unrelated words).');
    encrypter.setPassphrase(env.BACKUP_PASSPHRASE);
    return { encrypter, encryptedTo: { keys: 0 } };
  }
  throw new BackupKeyError(
    'A backup is always encrypted: set BACKUP_RECIPIENTS to one or more age public keys (make a key pair with `npm run backup:keygen`, or age-keygen), or BACKUP_PASSPHRASE.',
  );
}

/** BACKUP_IDENTITY: an age secret key (AGE-SECRET-KEY-1…) or the path of a file holding such keys. BACKUP_PASSPHRASE otherwise. */
export function backupDecrypter(env: NodeJS.ProcessEnv = process.env): Decrypter {
  const decrypter = new Decrypter();
  const identity = env.BACKUP_IDENTITY?.trim();
  if (identity) {
    const text = identity.startsWith('AGE-SECRET-KEY-') ? identity : readIdentityFile(identity);
    const keys = text.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('AGE-SECRET-KEY-'));
    if (keys.length === 0) throw new BackupKeyError('BACKUP_IDENTITY holds no age secret key (AGE-SECRET-KEY-1…).');
    for (const key of keys) decrypter.addIdentity(key);
  }
  if (env.BACKUP_PASSPHRASE) decrypter.addPassphrase(env.BACKUP_PASSPHRASE);
  if (!identity && !env.BACKUP_PASSPHRASE) throw new BackupKeyError('Set BACKUP_IDENTITY (the age secret key, or its file) or BACKUP_PASSPHRASE to read the backup.');
  return decrypter;
}

function readIdentityFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new BackupKeyError(`BACKUP_IDENTITY is neither an age secret key nor a file that can be read: ${file}`);
  }
}
