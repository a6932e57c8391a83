import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  S3Client,
  UploadPartCommand,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { assertStoreKey, StoredFileMissing, type FileStore } from './types';

export type S3StoreOptions = { client: S3ClientConfig; bucket: string; prefix?: string };

// S3's smallest part (except the last) is 5 MiB; 8 MiB parts bound the memory of one upload to one part.
const partSize = 8 * 1024 * 1024;

/**
 * Files in an S3-compatible bucket. An upload goes to `incoming/<uuid>` as a multipart upload (one
 * part in memory at a time), then is copied to its content name and the incoming object removed.
 */
export function s3Store(options: S3StoreOptions): FileStore {
  const client = new S3Client(options.client);
  const Bucket = options.bucket;
  const prefix = options.prefix ?? '';
  const keyOf = (key: string) => {
    assertStoreKey(key);
    return `${prefix}${key}`;
  };
  return {
    kind: 's3',
    async put(body) {
      const incoming = `${prefix}incoming/${randomUUID()}`;
      // An error the stream raises before we read it must not crash the process: reading a destroyed stream rethrows it.
      body.on('error', () => {});
      const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: incoming }));
      const hash = createHash('sha256');
      const parts: { ETag: string; PartNumber: number }[] = [];
      let size = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        const PartNumber = parts.length + 1;
        const Body = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        const { ETag } = await client.send(new UploadPartCommand({ Bucket, Key: incoming, UploadId, PartNumber, Body }));
        parts.push({ ETag: ETag!, PartNumber });
      };
      try {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          hash.update(chunk);
          size += chunk.length;
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes >= partSize) await flush();
        }
        if (pendingBytes > 0 || parts.length === 0) await flush();
        await client.send(new CompleteMultipartUploadCommand({ Bucket, Key: incoming, UploadId, MultipartUpload: { Parts: parts } }));
      } catch (error) {
        await client.send(new AbortMultipartUploadCommand({ Bucket, Key: incoming, UploadId })).catch(() => {});
        throw error;
      }
      const key = hash.digest('hex');
      try {
        await client.send(new CopyObjectCommand({ Bucket, Key: keyOf(key), CopySource: `${Bucket}/${incoming}` }));
      } finally {
        await client.send(new DeleteObjectCommand({ Bucket, Key: incoming }));
      }
      return { key, size };
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }));
        return answer.Body as Readable;
      } catch (error) {
        if (error instanceof NoSuchKey || error instanceof NotFound) throw new StoredFileMissing(key);
        throw error;
      }
    },
    async has(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(key) }));
        return true;
      } catch (error) {
        if (error instanceof NotFound || error instanceof NoSuchKey || (error as { name?: string }).name === 'NotFound') return false;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
    },
  };
}
