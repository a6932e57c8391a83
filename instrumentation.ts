/** Runs once when a server process starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampPeerAddresses } = await import('./server/http/peer-address');
  stampPeerAddresses();
  const { installGracefulShutdown } = await import('./server/services/health/shutdown');
  installGracefulShutdown();
}
