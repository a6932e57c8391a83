'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { dropDraft, importDraftKey, openDraft, sealDraft } from './sealed-storage';
import { useLeaveGuard } from './use-leave-guard';

type Options<T> = {
  /** Names the form and its record ("incident:new", "incident:<id>@<version>"): one draft each. */
  formKey: string;
  value: T;
  /** What the form held when it opened: a value equal to it is not worth keeping or asking about. */
  pristine: T;
  onRestore: (value: T) => void;
};

/**
 * The form's typing, kept as you type: sealed in this browser (sealed-storage.ts) a moment after
 * each change, offered back when the form opens again, and dropped once saved. While the form
 * holds unsaved changes, leaving asks first.
 */
export function useFormDraft<T>({ formKey, value, pristine, onRestore }: Options<T>) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const keyAnswer = useQuery({ ...trpc.session.draftKey.queryOptions(), staleTime: Infinity });
  const [key, setKey] = useState<CryptoKey | null>(null);
  // Until the stored draft has been read, nothing is written over it.
  const [checked, setChecked] = useState(false);
  const [offer, setOffer] = useState<{ value: T; savedAt: number } | null>(null);
  const [saved, setSaved] = useState(false);
  const accountId = keyAnswer.data?.accountId ?? '';
  const serialized = JSON.stringify(value);
  // What the form holds when nothing was typed; it moves on after a save or remembered choices.
  const [pristineText, setPristineText] = useState(() => JSON.stringify(pristine));
  const pristineNow = useRef(pristineText);
  pristineNow.current = pristineText;
  const dirty = !saved && serialized !== pristineText;

  useEffect(() => {
    const raw = keyAnswer.data?.key;
    if (!raw || typeof crypto === 'undefined' || !crypto.subtle) return;
    let live = true;
    void (async () => {
      const imported = await importDraftKey(raw);
      const found = await openDraft<T>(imported, accountId, formKey);
      if (!live) return;
      setKey(imported);
      if (found && JSON.stringify(found.value) !== pristineNow.current) setOffer(found);
      setChecked(true);
    })();
    return () => {
      live = false;
    };
  }, [keyAnswer.data?.key, accountId, formKey]);

  useEffect(() => {
    if (!key || !checked || saved) return;
    const timer = setTimeout(() => {
      if (serialized === pristineText) {
        // Typed, then undone: nothing to keep (an offered draft stays until answered).
        if (!offer) dropDraft(accountId, formKey);
      } else {
        void sealDraft(key, accountId, formKey, JSON.parse(serialized) as unknown);
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [serialized, pristineText, key, checked, saved, offer, accountId, formKey]);

  useLeaveGuard(dirty, t('draft.leaveQuestion'));

  return {
    dirty,
    offer,
    /** The signed-in account (once known): remembered choices are kept per account. */
    accountId,
    restore: useCallback(() => {
      if (offer) onRestore(offer.value);
      setOffer(null);
    }, [offer, onRestore]),
    discard: useCallback(() => {
      setOffer(null);
      dropDraft(accountId, formKey);
    }, [accountId, formKey]),
    /** After a successful save that leaves the form: the draft is gone and leaving no longer asks. */
    markSaved: useCallback(() => {
      setSaved(true);
      dropDraft(accountId, formKey);
    }, [accountId, formKey]),
    /** After a successful save that keeps the form open, emptied or not: that is its new starting point. */
    startOver: useCallback(
      (next: T) => {
        setPristineText(JSON.stringify(next));
        dropDraft(accountId, formKey);
      },
      [accountId, formKey],
    ),
    /** Filled in for the monitor (remembered choices), not typed: still nothing worth keeping or asking about. */
    rebase: useCallback((next: T) => setPristineText(JSON.stringify(next)), []),
  };
}
