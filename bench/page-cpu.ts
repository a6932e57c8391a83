/**
 * CPU time per view of pages: `npm run bench:page-cpu -- [--paths /incidents,/cases] [--rounds 8] [--views 300] [CHECKOUT …]`.
 * Throughput on a shared 2-core machine moves by ±10–20% between runs of the same build (bench/load.ts
 * prints it); the CPU time one view costs moves less, and a change is judged by comparing builds in
 * the same run. So this starts one `next start` of each checkout's build (this one when none is named;
 * each needs `npm run build`) on the 1M bench database, signs in as the bench monitor, and measures in
 * rounds, the checkouts and paths taking turns: each time a fixed number of views on 4 connections,
 * and the CPU the app process and the PostgreSQL processes of the bench database used meanwhile
 * (Linux: read from /proc).
 * It prints per checkout and path the median and the lowest milliseconds per view over the rounds,
 * beside the floor measured the same way in the same run (/api/health: no database, no rendering).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openPostgres } from '../db/client';
import { rowsOf } from '../db/rows';
import { benchDatabaseUrl } from './public-database';
import { benchSecrets, startAppProcesses, type AppProcesses } from './support/app-processes';
import { benchMonitor } from './support/bench-account';
import { signIn } from './support/sign-in';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { paths: { type: 'string', default: '/incidents' }, rounds: { type: 'string', default: '8' }, views: { type: 'string', default: '300' } },
});
const floorPath = '/api/health';
const paths = [floorPath, ...options.paths.split(',').map((p) => p.trim()).filter((p) => p && p !== floorPath)];
const rounds = Math.max(1, Number(options.rounds));
const views = Math.max(10, Number(options.views));
const checkouts = (positionals.length > 0 ? positionals : [path.resolve(import.meta.dirname, '..')]).map((dir) => path.resolve(dir));

const clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time (user + system) in milliseconds used so far by each of these processes. */
function cpuMilliseconds(pids: number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond) * 1000);
    } catch {
      // A process that ended between the listing and the read used nothing more.
    }
  }
  return used;
}

/**
 * The CPU these processes used between two readings. A process that ended meanwhile is left out
 * (its time is no longer readable; counting its first reading alone would make the sum negative).
 */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let used = 0;
  for (const [pid, ms] of after) used += ms - (before.get(pid) ?? 0);
  return used;
}

/** Ids of the processes matching a pattern, or of a process's children (pgrep). */
function pgrep(args: string[]): number[] {
  try {
    return execFileSync('pgrep', args).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

type Server = { checkout: string; url: string; pid: number; cookie: string };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  if (process.platform !== 'linux') throw new Error('bench:page-cpu reads CPU times from /proc: Linux only.');
  process.env.AUDIT_KEY = benchSecrets.AUDIT_KEY;
  const database = openPostgres(benchDatabaseUrl(), { max: 1 });
  const member = await benchMonitor(database.db);
  // The PostgreSQL processes that work for the pages: the bench database's sessions and the server's own
  // background processes, not another database's (a test run beside this one would count otherwise).
  const benchPostgresProcesses = async () =>
    rowsOf<{ pid: number }>(
      await database.db.execute(sql`select pid from pg_stat_activity where (datname = current_database() or backend_type <> 'client backend') and pid <> pg_backend_pid()`),
    ).map((row) => row.pid);
  const started: AppProcesses[] = [];
  try {
    const servers: Server[] = [];
    for (const [index, checkout] of checkouts.entries()) {
      const processes = await startAppProcesses(benchDatabaseUrl(), [3381 + index], checkout);
      started.push(processes);
      const url = processes.urls[0]!;
      servers.push({ checkout, url, pid: processes.pids[0]!, cookie: await signIn(url, member.email, member.password) });
    }
    console.log(`${servers.length} build(s), ${paths.length} paths, ${rounds} rounds of ${views} views on 4 connections each`);
    const cpuOfView = async (server: Server, pagePath: string, amount: number): Promise<number> => {
      const pids = [server.pid, ...pgrep(['-P', String(server.pid)]), ...(await benchPostgresProcesses())];
      const before = cpuMilliseconds(pids);
      const result = await autocannon({ url: `${server.url}${pagePath}`, connections: 4, amount, headers: { cookie: server.cookie } });
      const after = cpuMilliseconds(pids);
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${server.url}${pagePath}: ${result.non2xx} non-2xx answers, ${result.errors} errors.`);
      return cpuBetween(before, after) / amount;
    };
    // Outside the measurement: the first renderings compile and fill caches.
    for (const server of servers) for (const pagePath of paths) await cpuOfView(server, pagePath, 200);
    const seen = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      // The order turns every round, so that neither build always follows the other.
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      for (const pagePath of paths) {
        for (const server of order) {
          const key = `${server.checkout}\u0000${pagePath}`;
          seen.set(key, [...(seen.get(key) ?? []), await cpuOfView(server, pagePath, views)]);
        }
      }
    }
    for (const server of servers) {
      const floor = median(seen.get(`${server.checkout}\u0000${floorPath}`)!);
      console.log(server.checkout);
      for (const pagePath of paths) {
        const figures = seen.get(`${server.checkout}\u0000${pagePath}`)!;
        const ratio = pagePath === floorPath ? '' : `  ${(median(figures) / floor).toFixed(1).padStart(5)}× the floor`;
        console.log(
          `  ${pagePath.padEnd(28)} median ${median(figures).toFixed(2).padStart(6)} ms/view  lowest ${Math.min(...figures).toFixed(2).padStart(6)}${ratio}` +
            `  (rounds: ${figures.map((x) => x.toFixed(1)).join(' ')})`,
        );
      }
    }
  } finally {
    for (const processes of started) await processes.stop();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
