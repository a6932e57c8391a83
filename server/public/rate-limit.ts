/**
 * A per-address token bucket, in memory (per server process): enough to keep one client from
 * hogging the open-data API. Whose address counts: ./client-address.ts.
 */
import { clientAddressOf } from './client-address';

export type Bucket = { tokens: number; updatedAt: number };

export class TokenBuckets {
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly maxAddresses = 50_000,
  ) {}

  /** Takes `cost` tokens; answers how many seconds to wait when there are not enough. */
  take(address: string, cost = 1, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const bucket = this.buckets.get(address) ?? { tokens: this.capacity, updatedAt: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.refillPerSecond);
    bucket.updatedAt = now;
    // Map order is insertion order: re-inserting keeps the most recent at the end, the oldest is evicted.
    this.buckets.delete(address);
    if (this.buckets.size >= this.maxAddresses) this.buckets.delete(this.buckets.keys().next().value!);
    this.buckets.set(address, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / this.refillPerSecond)) };
  }

  reset(): void {
    this.buckets.clear();
  }
}

export function clientAddress(request: Request): string {
  return clientAddressOf(request.headers.get('x-forwarded-for'), request.headers.get('x-real-ip')) ?? 'unknown';
}

const holder = globalThis as unknown as { __hrdPublicBuckets?: TokenBuckets };
/** 120 requests at once, then two a second; an export costs ten. */
export const publicApiBuckets = (holder.__hrdPublicBuckets ??= new TokenBuckets(120, 2));
