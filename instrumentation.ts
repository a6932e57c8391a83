/** Runs once when a server process starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installGracefulShutdown } = await import('./server/services/health/shutdown');
  installGracefulShutdown();
}
