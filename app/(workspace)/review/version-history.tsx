import { formatMoment, type Locale, type MessageKey, type Translate } from '@/common/i18n';
import { ChangeTable, type Change, type ChangeWording } from './change-table';
import { BackLink } from '@/app/ui/back-link';

const viaKey: Record<string, MessageKey> = { workspace: 'via.workspace', import: 'via.import', review: 'via.review', merge: 'via.merge' };

export type HistoryEntry<C extends Change> = { version: number; savedAt: Date; savedVia: string; savedBy: { name: string } | null; changes: C[] };

/** Every saved version of an incident or a case, newest first, each with what changed from the one before it. */
export function VersionHistory<C extends Change>(props: {
  back: { href: string; label: string };
  title: string;
  intro: string;
  history: HistoryEntry<C>[];
  wording: ChangeWording<C>;
  locale: Locale;
  t: Translate;
}) {
  const { back, title, intro, history, wording, locale, t } = props;
  return (
    <div className="space-y-6">
      <header>
        <BackLink href={back.href}>{back.label}</BackLink>
        <h1 className="mt-3 text-3xl font-semibold">
          {t('history.heading')}: {title}
        </h1>
        <p className="mt-2 text-slate-700">{intro}</p>
      </header>

      <ol className="space-y-6">
        {history.map((entry) => (
          <li key={entry.version}>
            <section aria-labelledby={`version-${entry.version}`} className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
              <h2 id={`version-${entry.version}`} className="text-xl font-semibold">
                {t('history.version', { n: entry.version })}
              </h2>
              <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium text-slate-700">{t('history.savedBy')}</dt>
                <dd>{entry.savedBy?.name || t('incident.unknownUser')}</dd>
                <dt className="font-medium text-slate-700">{t('history.savedAt')}</dt>
                <dd>
                  <time dateTime={entry.savedAt.toISOString()}>{formatMoment(entry.savedAt, locale)}</time>
                </dd>
                <dt className="font-medium text-slate-700">{t('history.via')}</dt>
                <dd>{t(viaKey[entry.savedVia] ?? 'via.workspace')}</dd>
              </dl>
              {entry.changes.length === 0 ? (
                <p className="mt-4 text-slate-600">{t('history.noChanges')}</p>
              ) : (
                <div className="mt-4">
                  <ChangeTable changes={entry.changes} caption={t('history.changes', { n: entry.version })} wording={wording} t={t} />
                </div>
              )}
            </section>
          </li>
        ))}
      </ol>
    </div>
  );
}
