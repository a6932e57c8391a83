import 'server-only';
import path from 'node:path';
import { defaultEmbeddedDataDir } from '@/db/client';
import { folderStore } from './folder';
import { s3Store } from './s3';
import type { FileStore } from './types';

/**
 * The store the environment names: S3-compatible object storage when HRD_FILES_S3_BUCKET is set
 * (HRD_FILES_S3_ENDPOINT, HRD_FILES_S3_REGION, HRD_FILES_S3_ACCESS_KEY_ID, HRD_FILES_S3_SECRET_ACCESS_KEY,
 * HRD_FILES_S3_FORCE_PATH_STYLE), otherwise a folder: HRD_FILES_DIR, or `files/` beside the embedded data.
 */
export function configuredFileStore(env: NodeJS.ProcessEnv = process.env): FileStore {
  const bucket = env.HRD_FILES_S3_BUCKET;
  if (bucket) {
    const accessKeyId = env.HRD_FILES_S3_ACCESS_KEY_ID;
    const secretAccessKey = env.HRD_FILES_S3_SECRET_ACCESS_KEY;
    return s3Store({
      bucket,
      prefix: env.HRD_FILES_S3_PREFIX,
      client: {
        endpoint: env.HRD_FILES_S3_ENDPOINT || undefined,
        region: env.HRD_FILES_S3_REGION || 'us-east-1',
        forcePathStyle: env.HRD_FILES_S3_FORCE_PATH_STYLE === 'true',
        // Without explicit keys the SDK's own chain applies (instance roles, AWS_* variables).
        credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      },
    });
  }
  return folderStore(filesFolder(env));
}

export function filesFolder(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.HRD_FILES_DIR ?? path.join(path.dirname(defaultEmbeddedDataDir()), 'files'));
}

const holder = globalThis as unknown as { __hrdFileStore?: FileStore };

/** One store per process, made on first use. */
export function getFileStore(): FileStore {
  holder.__hrdFileStore ??= configuredFileStore();
  return holder.__hrdFileStore;
}
