/** Timing for the public benchmarks: requests and SQL timed one at a time, their percentiles, and the printed table. */
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`.padStart(10);

export async function timeRequests(url: string, count: number): Promise<{ p50: number; p95: number; body: string }> {
  let body = '';
  for (let i = 0; i < 10; i++) body = await get(url); // warm up
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    body = await get(url);
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), body };
}

export async function get(url: string): Promise<string> {
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${text}`);
  return text;
}

export async function timeSql(db: postgres.Sql, query: string, runs: number): Promise<{ p50: number; p95: number; rows: { key: string | null; n: number }[] }> {
  let rows = await db.unsafe<{ key: string | null; n: number }[]>(query);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    rows = await db.unsafe(query);
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), rows: rows.map((r) => ({ key: r.key, n: Number(r.n) })) };
}

export type Line = { what: string; p50: number; p95: number; compare?: string; cp50?: number; cp95?: number; note?: string };
/** Prints a table's heading now and each line as soon as it is measured. */
export function table(title: string, compareHeading: string): (line: Line) => void {
  console.log(`\n${title}`);
  console.log(`${'request'.padEnd(74)}${'p50'.padStart(10)}${'p95'.padStart(10)}   ${compareHeading.padEnd(18)}${'p50'.padStart(10)}${'p95'.padStart(10)}  note`);
  return (l) =>
    console.log(
      `${l.what.padEnd(74)}${ms(l.p50)}${ms(l.p95)}   ${(l.compare ?? '').padEnd(18)}${l.cp50 === undefined ? ''.padStart(10) : ms(l.cp50)}${l.cp95 === undefined ? ''.padStart(10) : ms(l.cp95)}  ${l.note ?? ''}`,
    );
}
