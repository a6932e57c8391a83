'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { MessageKey } from '@/common/i18n';
import { regionLabel } from '@/common/regions';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { problemOf } from '../_actions/problem';

type PreviewKind = 'incident' | 'case';

/** The decisions before which the reviewer should read the public text: approving, returning, publishing. */
export function decidesPublication(name: string): boolean {
  return name === 'approve' || name === 'publish' || name === 'requestChanges';
}

/** The field names the projection reports, in the reviewer's words. */
const fieldLabels: Record<string, MessageKey> = {
  'incidents.title': 'preview.field.incidents.title',
  'incidents.summary': 'preview.field.incidents.summary',
  'incidents.region': 'preview.field.incidents.region',
  'incidents.locality': 'preview.field.incidents.locality',
  'persons.name': 'preview.field.persons.name',
  'documented_organizations.name': 'preview.field.documented_organizations.name',
  'incident_victims.groupName': 'preview.field.incident_victims.groupName',
  'incident_perpetrators.name': 'preview.field.incident_perpetrators.name',
  'legal_provisions.code': 'preview.field.legal_provisions.code',
  'legal_provisions.article': 'preview.field.legal_provisions.article',
  'legal_provisions.title': 'preview.field.legal_provisions.title',
  'sources.title': 'preview.field.sources.title',
  'sources.publisher': 'preview.field.sources.publisher',
  'sources.referenceCode': 'preview.field.sources.referenceCode',
  'sources.url': 'preview.field.sources.url',
  'cases.title': 'preview.field.cases.title',
  'cases.summary': 'preview.field.cases.summary',
  'case_persons.role': 'preview.field.case_persons.role',
  'case_legal_events.court': 'preview.field.case_legal_events.court',
  'case_legal_events.summary': 'preview.field.case_legal_events.summary',
  'case_legal_events.outcome': 'preview.field.case_legal_events.outcome',
  'case_interventions.kind': 'preview.field.case_interventions.kind',
  'case_interventions.by': 'preview.field.case_interventions.by',
  'case_interventions.referenceCode': 'preview.field.case_interventions.referenceCode',
  'case_interventions.summary': 'preview.field.case_interventions.summary',
  'public_incidents.title': 'preview.field.public_incidents.title',
};

/**
 * What the public will read of the version under review (review.publicPreview, computed by the same
 * projection as publication): every text field as it will be published, each replacement
 * highlighted (a <mark> whose hidden text tells screen readers what it replaces), and every
 * protected form the detector found. Loaded only when opened: it is for the reviewer who decides.
 */
export function PublicPreview({ kind, id }: { kind: PreviewKind; id: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const preview = useQuery({ ...trpc.review.publicPreview.queryOptions({ kind, id }), enabled: open });

  return (
    <details className="mt-4 rounded-md border border-slate-300 p-3" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold">{t('preview.show')}</summary>
      <div className="mt-3 space-y-4">
        <p className="text-sm text-slate-700">{t('preview.intro')}</p>
        {preview.isPending ? (
          <p role="status">{t('preview.loading')}</p>
        ) : preview.isError ? (
          <p role="alert" className="text-red-800">
            {t('preview.failed', { message: problemOf(preview.error, t).message })}
          </p>
        ) : (
          <>
            <section aria-labelledby={`${headingId}-texts`}>
              <h3 id={`${headingId}-texts`} className="font-semibold">
                {t('preview.textsHeading')}
              </h3>
              <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
                {preview.data.texts.map((text, index) => (
                  <div key={index} className="contents">
                    <dt className="font-medium text-slate-700">{t(fieldLabels[text.field] ?? 'preview.field.other')}</dt>
                    <dd>
                      {text.shown === null ? (
                        <>
                          <p className="text-slate-800">{t('preview.leftOut')}</p>
                          <p className="text-sm break-all text-slate-600">{t('preview.original', { text: text.original })}</p>
                        </>
                      ) : (
                        text.segments.map((segment, at) =>
                          'text' in segment ? (
                            <span key={at}>{text.field === 'incidents.region' ? regionLabel(segment.text, locale) : segment.text}</span>
                          ) : (
                            <mark key={at} className="rounded bg-amber-200 px-0.5 text-slate-950">
                              {segment.label}
                              <span className="sr-only"> {t('preview.replaced', { found: segment.found })}</span>
                            </mark>
                          ),
                        )
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
            <section aria-labelledby={`${headingId}-forms`}>
              <h3 id={`${headingId}-forms`} className="font-semibold">
                {t('preview.formsHeading')}
              </h3>
              {preview.data.forms.length === 0 ? (
                <p className="mt-1 text-slate-700">{t('preview.noForms')}</p>
              ) : (
                <ul className="mt-1 list-disc pl-5">
                  {preview.data.forms.map((form) => (
                    <li key={`${form.found}|${form.label}`}>{t('preview.form', { found: form.found, label: form.label, n: form.count })}</li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </div>
    </details>
  );
}
