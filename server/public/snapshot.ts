import 'server-only';
import { isEmbeddedDb, type Db } from '@/db/client';
import { publicDatabase } from './db';

/**
 * Runs a streamed export inside one REPEATABLE READ, read-only transaction on a PostgreSQL server,
 * so every batch it reads sees the database as of one moment: a publication or a retraction during
 * a long export cannot leave it with an incident but not its persons, or a person twice. Each read
 * of the export still runs as hrd_public (publicRead opens a savepoint of this transaction).
 *
 * The export runs in the transaction's callback and hands its chunks over one at a time: the
 * transaction stays open while the client reads, and ends (rolled back: it wrote nothing) when the
 * export ends or the client goes away. On the embedded database the export reads batch by batch as
 * before: PGlite has one connection, and a transaction held for a whole download would stop every
 * other request of the app meanwhile.
 */
export async function* inOneSnapshot<T>(exportWith: (db?: Db) => AsyncGenerator<T>, db?: Db): AsyncGenerator<T> {
  const database = db ?? (await publicDatabase());
  if (isEmbeddedDb(database)) {
    yield* exportWith(db);
    return;
  }

  type Turn = { value: T; done: false } | { done: true } | { error: unknown };
  let deliver: ((turn: Turn) => void) | null = null;
  let takeNext: (() => void) | null = null;
  let cancelled = false;
  const turns: Turn[] = [];
  const push = (turn: Turn) => {
    if (deliver) {
      const resolve = deliver;
      deliver = null;
      resolve(turn);
    } else turns.push(turn);
  };
  const nextTurn = () => (turns.length ? Promise.resolve(turns.shift()!) : new Promise<Turn>((resolve) => (deliver = resolve)));

  const finished = database
    .transaction(
      async (tx) => {
        for await (const value of exportWith(tx as unknown as Db)) {
          if (cancelled) break;
          push({ value, done: false });
          // Wait until the reader asks for the next chunk: one chunk in flight, however slow the client.
          await new Promise<void>((resolve) => (takeNext = resolve));
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
    .then(
      () => push({ done: true }),
      (error: unknown) => push({ error }),
    );

  try {
    for (;;) {
      const turn = await nextTurn();
      if ('error' in turn) throw turn.error;
      if (turn.done) return;
      yield turn.value;
      const resume = takeNext as (() => void) | null;
      takeNext = null;
      resume?.();
    }
  } finally {
    cancelled = true;
    const resume = takeNext as (() => void) | null;
    takeNext = null;
    resume?.();
    await finished;
  }
}
