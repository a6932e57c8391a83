import 'server-only';
/**
 * Exports list records by ref, compared by code unit rather than by the database's collation, so
 * that the same records give the same file on PostgreSQL and on PGlite whatever their locales.
 */
export function byRef<T extends { ref: string }>(a: T, b: T): number {
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}

export function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
