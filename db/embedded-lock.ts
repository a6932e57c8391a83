import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes can open one data folder, and the second one's
 * writes silently corrupt the first one's view. We take an exclusive lock file instead and refuse
 * a second opener with a message a person can act on.
 */
export class EmbeddedDatabaseInUseError extends Error {
  // Kept apart for the commands, which say it in the operator's language (cli/language.ts).
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${folder} is already open in another process (pid ${pid}). ` +
        'Stop that process first (for example the running app), or point DATABASE_URL at a PostgreSQL server.',
    );
    this.name = 'EmbeddedDatabaseInUseError';
  }
}

/** Whether a process of this pid is running (EPERM: it is, but belongs to someone else). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock for this process, or throws. Returns a function that releases it. */
export function lockEmbeddedDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'hrd-monitor.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (existsSync(lockPath) && readFileSync(lockPath, 'utf8').trim() === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // Releasing is best effort; a stale lock of a dead process is taken over next time.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
      // Our own pid counts too: two PGlite instances in one process corrupt the folder just the same.
      if (Number.isInteger(holder) && processIsAlive(holder)) {
        throw new EmbeddedDatabaseInUseError(dataDir, holder);
      }
      // The holder died without releasing: the lock is stale.
      unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not take the lock on ${lockPath}`);
}
