import { randomBytes } from 'node:crypto';

/**
 * The strings tests/support/leak-canaries.ts plants: canaries, which no public answer may hold (each
 * kept with what it stands for, so that a hit says which field leaked), and public tokens, which the
 * public side must show (so that a crawl finding no canary is not vacuous).
 */
export type CanaryBook = {
  canaries: Record<string, string>;
  publicTokens: string[];
  /** A new canary standing for `what`. */
  canary: (what: string) => string;
  /** A new canary written as 64 hexadecimal digits, as a file hash or storage key is. */
  hexCanary: (what: string) => string;
  /** A new string of a published record, which the public side must show. */
  publicToken: () => string;
};

export function canaryBook(): CanaryBook {
  const canaries: Record<string, string> = {};
  const publicTokens: string[] = [];
  const write = (token: string, what: string) => {
    canaries[token] = what;
    return token;
  };
  return {
    canaries,
    publicTokens,
    canary: (what) => write(`Canary${randomBytes(6).toString('hex')}`, what),
    hexCanary: (what) => write(randomBytes(32).toString('hex'), what),
    publicToken: () => {
      const token = `Public${randomBytes(6).toString('hex')}`;
      publicTokens.push(token);
      return token;
    },
  };
}

/** A new record reference of this kind (person:…, src:…). */
export const ref = (kind: string) => `${kind}:${randomBytes(4).toString('hex')}`;
