import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { s3Store } from '@/server/services/files/store/s3';
import type { FileStore } from '@/server/services/files/store/types';

/** An S3-compatible server of the test's own (s3rver on 127.0.0.1, a free port), with one bucket. */
export async function startS3(bucket = 'hrd-evidence-test'): Promise<{ store: FileStore; env: Record<string, string>; directory: string; stop: () => Promise<void> }> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'hrd-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  const env = {
    HRD_FILES_S3_BUCKET: bucket,
    HRD_FILES_S3_ENDPOINT: endpoint,
    HRD_FILES_S3_REGION: 'us-east-1',
    HRD_FILES_S3_ACCESS_KEY_ID: 'S3RVER',
    HRD_FILES_S3_SECRET_ACCESS_KEY: 'S3RVER',
    HRD_FILES_S3_FORCE_PATH_STYLE: 'true',
  };
  const store = s3Store({
    bucket,
    client: { endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } },
  });
  return {
    store,
    env,
    directory,
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
