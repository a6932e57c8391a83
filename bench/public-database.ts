/** Where the public benchmarks keep their large collection: a database of its own, made by bench/public-generate.ts. */
/** BENCH_PUBLIC_DATABASE names another one, so that two people benchmarking on one server do not overwrite each other's. */
export const benchDatabaseName = process.env.BENCH_PUBLIC_DATABASE ?? 'hrd_bench_public';

/** The bench database's address: BENCH_DATABASE_URL's server (or this machine's) with the given database name. */
export function benchDatabaseUrl(name = benchDatabaseName): string {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return url.toString();
}
