import type postgres from 'postgres';

/**
 * Drizzle sends every statement unnamed, and postgres.js then spends two round trips on one that
 * has parameters (Parse and Describe, wait for the types, then Bind and Execute), while PostgreSQL
 * parses and rewrites it again each time. A page runs ten or more such statements, and the extra
 * socket writes were about 5% of a signed-in page's CPU (bench/load.ts, CPU profile).
 *
 * So a statement the app repeats is sent as a prepared statement instead: one round trip once a
 * connection has seen the text. Bounded, because each is kept per connection (in postgres.js and in
 * the server's memory):
 * - only a text seen before is prepared, so one-off texts (a bulk insert of some rows) never are;
 * - only texts up to `longestText` characters; a longer one stays unnamed;
 * - at most `mostTexts` distinct texts per process; later new ones stay unnamed;
 * - postgres.js closes each connection after 30 to 60 minutes (its max_lifetime), which frees them.
 * The plans stay what they were: the connection's plan_cache_mode is force_custom_plan (see
 * `connectionSettings`), so each execution is planned for its own values, never with a generic plan.
 * A statement without parameters goes by the simple protocol as before (postgres.js ignores the
 * flag there), so scripts of several statements keep working.
 */
export const longestText = 10_000;
export const mostTexts = 500;
/** Texts seen once, remembered up to this many (then forgotten all at once). */
const seenOnceAtMost = 5_000;

/** Startup parameters of every connection that prepares statements. */
export const connectionSettings = { plan_cache_mode: 'force_custom_plan' } as const;

/** The texts a client (and its transactions) prepares, and those it has seen once. */
type Texts = { prepared: Set<string>; seenOnce: Set<string> };

type Client = Pick<postgres.Sql, 'unsafe'> & { begin?: postgres.Sql['begin']; savepoint?: postgres.TransactionSql['savepoint'] };

/** Makes `client` (and the clients of its transactions and savepoints) prepare repeated statements. */
export function preparingStatements<T extends Client>(client: T, texts: Texts = { prepared: new Set(), seenOnce: new Set() }): T {
  const unsafe = client.unsafe.bind(client) as (text: string, parameters?: unknown[], options?: postgres.UnsafeQueryOptions) => unknown;
  const prepare = (text: string): boolean => {
    if (texts.prepared.has(text)) return true;
    if (text.length > longestText || texts.prepared.size >= mostTexts) return false;
    if (!texts.seenOnce.delete(text)) {
      if (texts.seenOnce.size >= seenOnceAtMost) texts.seenOnce.clear();
      texts.seenOnce.add(text);
      return false;
    }
    texts.prepared.add(text);
    return true;
  };
  Object.assign(client, {
    unsafe: (text: string, parameters?: unknown[], options?: postgres.UnsafeQueryOptions) =>
      // Drizzle asks for no preparing (prepare: false) on every statement it has not named itself.
      unsafe(text, parameters, { ...options, prepare: options?.prepare === true || prepare(text) }),
  });
  // Drizzle runs a transaction's statements on the client postgres.js hands to begin()'s callback.
  for (const name of ['begin', 'savepoint'] as const) {
    const open = client[name] as ((...args: unknown[]) => unknown) | undefined;
    if (!open) continue;
    Object.assign(client, {
      [name]: (...args: unknown[]) => {
        const body = args.pop() as (inner: Client) => unknown;
        return open.call(client, ...args, (inner: Client) => body(preparingStatements(inner, texts)));
      },
    });
  }
  return client;
}
