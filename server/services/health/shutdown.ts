import 'server-only';
import { closeDatabase } from '@/db/client';

/**
 * What a process does when asked to stop (SIGTERM from systemd, Docker or Kubernetes; SIGINT).
 * `next start` itself stops accepting connections, waits for the requests in flight, then exits.
 * Here: readiness answers 503 at once (so a load balancer stops sending new requests), and the
 * database is closed cleanly before the exit Next makes (the pool's connections end politely; the
 * embedded database writes its last pages and releases its folder).
 */
const state = globalThis as unknown as { __hrdShutdown?: { installed: boolean; stopping: boolean } };

export function isShuttingDown(): boolean {
  return state.__hrdShutdown?.stopping ?? false;
}

export function installGracefulShutdown(): void {
  if (state.__hrdShutdown?.installed) return;
  state.__hrdShutdown = { installed: true, stopping: false };
  const onSignal = () => {
    if (state.__hrdShutdown!.stopping) return;
    state.__hrdShutdown!.stopping = true;
    const exit = process.exit.bind(process);
    // Next calls process.exit once its requests have drained: close the database first.
    process.exit = ((code?: number) => {
      void closeDatabase()
        .catch((error: unknown) => console.error('Closing the database failed:', error))
        .finally(() => exit(code));
    }) as typeof process.exit;
    // If draining never ends (a stuck request), stop anyway.
    setTimeout(() => process.exit(1), 30_000).unref();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
