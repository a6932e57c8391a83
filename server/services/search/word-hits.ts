import 'server-only';
import { incidentSearch as s } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import * as hits from '@/server/text-search/hits';

/**
 * The workspace search's words, for how a page of the incident list is read by their number of hits
 * (server/text-search/hits.ts). The index spans every organization, so the count is an upper bound
 * of one organization's: none is none, and a few across all are at most as few in one.
 */

export type { HitsPlan } from '@/server/text-search/hits';

const workspaceWords: hits.HitsTable = { table: s, vectors: { title: s.titleVector, all: s.vector }, relation: 'incident_search' };

export const incidentHitsPlan = (db: DbOrTx, q: string, hitsIn: hits.HitsIn, cap = hits.fewHits) => hits.hitsPlan(db, workspaceWords, q, hitsIn, cap);
