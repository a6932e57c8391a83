import 'server-only';
/** The largest evidence file accepted, from HRD_MAX_UPLOAD_MB (default 200 MB). */
export function maxUploadBytes(env: NodeJS.ProcessEnv = process.env): number {
  const megabytes = Number(env.HRD_MAX_UPLOAD_MB ?? 200);
  if (!Number.isFinite(megabytes) || megabytes <= 0) throw new Error('HRD_MAX_UPLOAD_MB must be a positive number of megabytes');
  return Math.floor(megabytes * 1024 * 1024);
}

