/**
 * `next start` processes of this checkout's production build (npm run build) on one database, as
 * a deployment behind one reverse proxy runs them: for bench/load.ts. The secrets are the bench's
 * own constants (the bench database holds nothing real); HRD_TRUSTED_PROXIES=1 lets each request's
 * X-Forwarded-For name its visitor, so the per-address limits count visitors, not the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const benchSecrets = {
  NEXTAUTH_SECRET: 'hrd-load-bench-only-secret-0123456789-abcdefghijkl',
  AUDIT_KEY: 'hrd-load-bench-only-audit-key-0123456789-abcdefghij',
  FILES_MASTER_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
};

/** `pids`: the `next start` processes' own ids, one per url (bench/page-cpu.ts reads their CPU time). */
export type AppProcesses = { urls: string[]; pids: number[]; stop: () => Promise<void> };

async function waitUntilReady(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const answer = await fetch(`${url}/api/health/ready`).catch(() => null);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not become ready (GET /api/health/ready); is there a production build (npm run build)?`);
}

/** `root`: the checkout whose build runs, this one by default (bench/page-cpu.ts compares two). */
export async function startAppProcesses(databaseUrl: string, ports: number[], root = path.resolve(import.meta.dirname, '..', '..')): Promise<AppProcesses> {
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const children: ChildProcess[] = ports.map((port) =>
    // BENCH_NODE_FLAGS: node's own flags for the app processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where a page's time goes.
    spawn(process.execPath, [...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: root,
      env: {
        ...process.env,
        ...benchSecrets,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        HRD_TRUSTED_PROXIES: '1',
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  const stop = async () => {
    await Promise.all(
      children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM'))))),
    );
  };
  try {
    const deadline = Date.now() + 90_000;
    await Promise.all(urls.map((url) => waitUntilReady(url, deadline)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, pids: children.map((child) => child.pid!), stop };
}
