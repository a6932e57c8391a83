'use client';

import { useEffect, useRef, useState } from 'react';
import { readRemembered, rememberChoices, type Remembered, type UsualSource } from '../../_drafts/remembered';
import type { IncidentDraft } from './state';

type Options = {
  accountId: string;
  /** Only a new incident starts from remembered choices; an edit shows what was saved. */
  apply: boolean;
  onRemembered: (remembered: Remembered) => void;
};

/**
 * The incident form's remembered choices (../../_drafts/remembered.ts): read once the account is
 * known and handed to the form, and written after each save.
 */
export function useRememberedChoices({ accountId, apply, onRemembered }: Options) {
  const [remembered, setRemembered] = useState<Remembered>({});
  const handOver = useRef(onRemembered);
  handOver.current = onRemembered;
  useEffect(() => {
    if (!accountId) return;
    const found = readRemembered(accountId);
    setRemembered(found);
    if (apply) handOver.current(found);
  }, [accountId, apply]);

  return {
    /** Sources cited lately from this organization (a source of another one could not be cited). */
    usualSources: (organizationId: string): UsualSource[] => (remembered.organizationId === organizationId ? (remembered.sources ?? []) : []),
    remember: (organizationId: string, draft: IncidentDraft) =>
      rememberChoices(accountId, {
        organizationId,
        country: draft.location.country,
        sources: draft.sources.flatMap((row) => (row.kind === 'source' && row.source ? [{ id: row.source.id, label: row.source.label }] : [])),
      }),
  };
}
