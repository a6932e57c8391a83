import 'server-only';
import { randomBytes } from 'node:crypto';

/** A fresh exchange-format ref ("inc:3f9a1c0b7d2e") for a record made in the workspace. */
export function newRef(prefix: 'inc' | 'person' | 'org' | 'src' | 'case'): string {
  return `${prefix}:${randomBytes(6).toString('hex')}`;
}
