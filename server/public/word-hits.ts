import 'server-only';
import { publicIncidents as p } from '@/db/schema/public';
import type { Db } from '@/db/client';
import * as hits from '@/server/text-search/hits';
import type { PublicTx } from './db';

/** The public search's words, for how a page is read by their number of hits (server/text-search/hits.ts). */

export { fewHits, type HitsIn, type HitsPlan } from '@/server/text-search/hits';

const publicWords: hits.HitsTable = { table: p, vectors: { title: p.titleVector, all: p.searchVector }, relation: 'public_incidents' };

/** The statement that counts the published incidents holding the words, up to one beyond `cap` (bench/public-search.ts runs it raw as part of its floor). */
export const wordHitsQuery = (tx: PublicTx | Db, q: string, hitsIn: hits.HitsIn, cap = hits.fewHits) => hits.wordHitsQuery(tx, publicWords, q, hitsIn, cap);

export const estimatedShare = (tx: PublicTx | Db, q: string, hitsIn: hits.HitsIn) => hits.estimatedShare(tx, publicWords, q, hitsIn);

export const hitsPlan = (tx: PublicTx | Db, q: string, hitsIn: hits.HitsIn, cap = hits.fewHits) => hits.hitsPlan(tx, publicWords, q, hitsIn, cap);
