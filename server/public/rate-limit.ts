import 'server-only';
/**
 * The open-data API's limit per address, kept in PostgreSQL so that it holds across several app
 * processes (server/limits/buckets.ts). Whose address counts: ./client-address.ts.
 */
import type { SQL } from 'drizzle-orm';
import { limitRules, resetBuckets, takeToken, type Verdict } from '@/server/limits/buckets';
import { peerAddressHeader } from '@/server/http/peer-address';
import { clientAddressOf } from './client-address';
import { limiterDb } from './db';

export function clientAddress(request: Request): string {
  return clientAddressOf(request.headers.get('x-forwarded-for'), request.headers.get('x-real-ip'), undefined, request.headers.get(peerAddressHeader)) ?? 'unknown';
}

export const publicApiBuckets = {
  /** With `also`, the verdict carries that value too, read in the same statement (./answer-cache.ts reads the generation so). */
  async take(address: string, cost = 1, also?: SQL): Promise<Verdict> {
    return takeToken(await limiterDb(), `public:${address}`, limitRules.publicApi, cost, also);
  },
  /** Tests start each case with full buckets. */
  async reset(): Promise<void> {
    await resetBuckets(await limiterDb(), 'public:');
  },
};
