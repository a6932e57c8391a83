/**
 * A stand-in for a server process on the embedded database, for the crash test: opens the folder
 * given as argument, then commits one organization after another, printing each slug once its
 * transaction has committed (an acknowledged write), until it is killed.
 */
import { openEmbedded } from '../../db/client';
import { applyMigrations } from '../../db/migrate';
import { organizations } from '../../db/schema';

async function main() {
  const database = await openEmbedded(process.argv[2]!);
  await applyMigrations(database);
  console.log('open');
  for (let n = 0; ; n++) {
    const slug = `acknowledged-${n}`;
    await database.db.transaction(async (tx) => {
      await tx.insert(organizations).values({ slug, name: `Organization ${n}` });
    });
    console.log(slug);
  }
}

void main();
