'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { hintClass, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { useDebounced } from '@/app/ui/use-debounced';
import { mergedValues } from '@/common/merged-person';
import { problemOf } from '../../_actions/problem';
import type { PersonPageData } from './load';

type PersonRecord = PersonPageData['person'];
type Props = {
  /** The record shown on this page: the one that would be merged into the chosen one. */
  person: PersonRecord;
  incidentCount: number;
  caseCount: number;
  categoryLabels: { [code: string]: string };
};

function RecordSummary({ heading, record, counts, labels }: { heading: string; record: PersonRecord; counts?: { incidents: number; cases: number }; labels: Props['categoryLabels'] }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-slate-300 p-3">
      <h4 id={headingId} className="font-semibold">
        {heading}
      </h4>
      <p className="mt-1 text-lg font-medium">
        {record.name}
        {record.confidential ? <span className="ml-2 text-sm font-semibold uppercase text-amber-900">({t('persons.confidential')})</span> : null}
      </p>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">{t('persons.categories')}</dt>
        <dd>{record.categories.map((code) => labels[code] ?? code).join(', ') || t('persons.none')}</dd>
        <dt className="font-medium text-slate-700">{t('persons.affiliations')}</dt>
        <dd>{record.affiliations.map((a) => a.name).join(', ') || t('persons.none')}</dd>
        <dt className="font-medium text-slate-700">{t('persons.roleNote')}</dt>
        <dd>{record.roleNote || t('persons.none')}</dd>
        <dt className="font-medium text-slate-700">{t('persons.gender')}</dt>
        <dd>{record.gender ? t(`gender.${record.gender}`) : t('gender.none')}</dd>
        <dt className="font-medium text-slate-700">{t('persons.ref')}</dt>
        <dd>{record.ref}</dd>
      </dl>
      {counts ? (
        <p className="mt-2 text-sm text-slate-700">
          {t('persons.merge.incidents', { n: counts.incidents })} · {t('persons.merge.cases', { n: counts.cases })}
        </p>
      ) : null}
    </section>
  );
}

/**
 * "Merge into…": a reviewer picks the other record of the same person (the one that remains), sees
 * both records and the result side by side, and confirms. The server checks the policy and the
 * versions shown here; a change in between is refused with a message to reload.
 */
export function MergeInto({ person, incidentCount, caseCount, categoryLabels }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const baseId = useId();
  const searchId = `${baseId}-search`;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const search = useDebounced(text.trim(), 250);

  const results = useQuery({
    ...trpc.directory.persons.queryOptions({ organizationId: person.organizationId, text: search }),
    enabled: open && !chosenId && search.length > 0,
  });
  const chosen = useQuery({ ...trpc.person.get.queryOptions({ id: chosenId ?? '' }), enabled: chosenId !== null });
  const merge = useMutation(trpc.person.merge.mutationOptions());

  useEffect(() => {
    if (open && !chosenId) headingRef.current?.focus();
  }, [open, chosenId]);
  useEffect(() => {
    if (chosen.data) confirmRef.current?.focus();
  }, [chosen.data]);

  if (!open) {
    return (
      <div>
        <button type="button" className={secondaryButtonClass} aria-expanded={false} onClick={() => setOpen(true)}>
          {t('persons.merge.open')}
        </button>
      </div>
    );
  }

  const others = (results.data ?? []).filter((row) => row.id !== person.id);
  const status = results.isError
    ? t('persons.merge.failedSearch')
    : results.isFetching
      ? t('persons.merge.searching')
      : results.isSuccess
        ? others.length
          ? t('persons.merge.results', { n: others.length })
          : t('persons.merge.noResults')
        : '';

  function close() {
    setOpen(false);
    setChosenId(null);
    setText('');
    setFailure(null);
  }

  const remaining = chosen.data?.person;
  const result = remaining ? mergedValues(remaining, person) : null;

  return (
    <section aria-labelledby={`${baseId}-heading`} className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
      <h2 id={`${baseId}-heading`} ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {t('persons.merge.heading')}
      </h2>
      <p className="mt-2 max-w-3xl text-slate-700">{t('persons.merge.explain')}</p>

      {!chosenId ? (
        <div className="mt-4 max-w-xl">
          <label htmlFor={searchId} className={labelClass}>
            {t('persons.merge.search')}
          </label>
          <input
            id={searchId}
            type="search"
            autoComplete="off"
            value={text}
            maxLength={200}
            aria-describedby={`${searchId}-status`}
            className={`${inputClass} mt-1`}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={`${searchId}-status`} aria-live="polite" className={hintClass}>
            {status}
          </p>
          {others.length > 0 ? (
            <ul className="mt-2 max-h-64 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-300">
              {others.map((row) => (
                <li key={row.id}>
                  <button type="button" className="w-full px-3 py-2 text-left hover:bg-blue-50 focus-visible:bg-blue-50" onClick={() => setChosenId(row.id)}>
                    <span className="sr-only">{t('persons.merge.choose')}: </span>
                    <span className="font-medium">{row.name}</span>
                    <span className="ml-2 text-sm text-slate-600">{row.ref}</span>
                    {row.confidential ? <span className="ml-2 text-sm font-semibold text-amber-900">{t('persons.confidential')}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : !remaining ? (
        <p className="mt-4" aria-live="polite">
          {chosen.isError ? problemOf(chosen.error, t).message : t('persons.merge.loading')}
        </p>
      ) : (
        <div className="mt-4">
          <h3 ref={confirmRef} tabIndex={-1} className="font-semibold focus:outline-none">
            {t('persons.merge.confirmHeading')}
          </h3>
          <div className="mt-3 grid gap-4 md:grid-cols-3">
            <RecordSummary heading={t('persons.merge.thisRecord')} record={person} counts={{ incidents: incidentCount, cases: caseCount }} labels={categoryLabels} />
            <RecordSummary
              heading={t('persons.merge.remaining')}
              record={remaining}
              counts={{ incidents: chosen.data!.incidents.length, cases: chosen.data!.cases.length }}
              labels={categoryLabels}
            />
            <RecordSummary heading={t('persons.merge.result')} record={{ ...remaining, ...result! }} labels={categoryLabels} />
          </div>
          <p className="mt-3 max-w-3xl text-sm text-slate-700">{t('persons.merge.resultNote')}</p>
          {result!.confidential ? <p className="mt-2 max-w-3xl font-medium text-amber-900">{t('persons.merge.staysConfidential')}</p> : null}
          {failure ? (
            <p role="alert" className="mt-3 font-medium text-red-800">
              {t('persons.merge.failed', { message: failure })}
            </p>
          ) : null}
          <div className="mt-4 flex flex-wrap gap-3">
            <button
              type="button"
              className={primaryButtonClass}
              disabled={merge.isPending}
              onClick={() => {
                setFailure(null);
                merge.mutate(
                  { id: remaining.id, version: remaining.version, duplicateId: person.id, duplicateVersion: person.version },
                  {
                    onSuccess: ({ id }) => {
                      router.push(`/persons/${id}`);
                      router.refresh();
                    },
                    onError: (error) => setFailure(problemOf(error, t).message),
                  },
                );
              }}
            >
              {merge.isPending ? t('persons.merge.merging') : t('persons.merge.confirm')}
            </button>
            <button type="button" className={secondaryButtonClass} disabled={merge.isPending} onClick={() => setChosenId(null)}>
              {t('persons.merge.changeChoice')}
            </button>
            <button type="button" className={secondaryButtonClass} disabled={merge.isPending} onClick={close}>
              {t('persons.merge.cancel')}
            </button>
          </div>
        </div>
      )}
      {!chosenId ? (
        <button type="button" className={`${secondaryButtonClass} mt-4`} onClick={close}>
          {t('persons.merge.cancel')}
        </button>
      ) : null}
    </section>
  );
}
