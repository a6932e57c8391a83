import type { Metadata } from 'next';
import Link from 'next/link';
import type { Translate } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { linkClass } from '@/app/ui/styles';
import type { DuplicatePerson } from '@/server/services/persons/likely-duplicates';
import { requireViewer } from '../../session';
import { ConfidentialBadge } from '../confidential-badge';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('personDuplicates.heading') };
}

function Person({ person, t }: { person: DuplicatePerson; t: Translate }) {
  return (
    <div>
      <Link href={`/persons/${person.id}`} className={linkClass}>
        {person.name}
      </Link>{' '}
      {person.confidential ? <ConfidentialBadge t={t} /> : null}
      {person.aliases.length > 0 ? <p className="text-sm text-slate-700">{t('personDuplicates.aliases', { names: person.aliases.join(', ') })}</p> : null}
      <p className="text-sm text-slate-700">{t('personDuplicates.incidents', { n: person.incidents })}</p>
    </div>
  );
}

/** For reviewers: pairs of person records that probably name one person, each with the way to merge them. */
export default async function LikelyDuplicatePersonsPage() {
  const { caller } = await requireViewer();
  const { t } = await getI18n();
  const pairs = await caller.person.likelyDuplicates();
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('personDuplicates.heading')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('personDuplicates.intro')}</p>
      {pairs.length === 0 ? (
        <p className="mt-6 rounded-lg border border-slate-300 bg-white p-6">{t('personDuplicates.none')}</p>
      ) : (
        <ul className="mt-6 space-y-3">
          {pairs.map((pair) => (
            <li key={`${pair.first.id}:${pair.second.id}`} className="rounded-lg border border-slate-300 bg-white p-4">
              <p className="text-sm font-medium text-slate-800">
                {[pair.sameFoldedName ? t('personDuplicates.sameName') : null, pair.similarName ? t('personDuplicates.similarName') : null].filter(Boolean).join(' · ')}
              </p>
              <div className="mt-2 grid gap-3 sm:grid-cols-2">
                <Person person={pair.first} t={t} />
                <Person person={pair.second} t={t} />
              </div>
              {/* The merge lives on the person's page (choose the record that remains there). */}
              <p className="mt-2 text-sm">
                <Link href={`/persons/${pair.second.id}#merge`} className={linkClass}>
                  {t('personDuplicates.merge', { name: pair.second.name })}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
