import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoment } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { linkClass } from '@/app/ui/styles';
import { termLabeller } from '@/app/ui/vocabulary';
import { Section } from '../../incidents/[id]/sections';
import { requireViewer } from '../../session';
import { genderEnum } from '@/db/schema';
import { EditHistory } from '../../_directory/edit-history';
import { PersonEditForm } from '../../_directory/person-edit';
import { ConfidentialBadge } from '../confidential-badge';
import { loadPerson } from './load';
import { MergeInto } from './merge-into';
import { CaseTable, IncidentTable, MergeHistory } from './sections';
import { BackLink } from '@/app/ui/back-link';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('persons.meta.person') };
}

/** One person: who they are, every incident and case concerning them, and the records merged into theirs. */
export default async function PersonPage({ params }: Props) {
  const { id } = await params;
  const [{ person, incidents, cases, merges, canMerge, editing }, { caller }, { locale, t }] = await Promise.all([loadPerson(id), requireViewer(), getI18n()]);
  const terms = await caller.vocabulary.all();
  const categoryLabel = termLabeller(terms, 'defender_category', locale);

  return (
    <article className="space-y-6">
      <header>
        <BackLink href="/persons">{t('persons.backToList')}</BackLink>
        <h1 className="mt-3 flex flex-wrap items-center gap-3 text-3xl font-semibold">
          <span>{person.name}</span>
          {person.confidential ? <ConfidentialBadge t={t} /> : null}
        </h1>
        {person.confidential ? <p className="mt-2 max-w-3xl text-slate-700">{t('persons.confidentialNote')}</p> : null}
        {person.mergedInto ? (
          <div className="mt-4 rounded-lg border border-blue-300 bg-blue-50 p-4">
            <p>{t('persons.mergedInto', { date: person.mergedAt ? formatMoment(person.mergedAt, locale) : '' })}</p>
            <p className="mt-2">
              <Link href={`/persons/${person.mergedInto.id}`} className={linkClass}>
                {t('persons.openRemaining', { name: person.mergedInto.name })}
              </Link>
            </p>
          </div>
        ) : null}
      </header>

      <Section title={t('persons.details')}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t('directoryEdit.aliases')}</dt>
          <dd>{editing.aliases.join('; ') || t('persons.none')}</dd>
          <dt className="font-medium text-slate-700">{t('persons.categories')}</dt>
          <dd>{person.categories.map(categoryLabel).join(', ') || t('persons.none')}</dd>
          <dt className="font-medium text-slate-700">{t('persons.affiliations')}</dt>
          <dd>{person.affiliations.map((a) => a.name).join(', ') || t('persons.none')}</dd>
          <dt className="font-medium text-slate-700">{t('persons.roleNote')}</dt>
          <dd>{person.roleNote || t('persons.none')}</dd>
          <dt className="font-medium text-slate-700">{t('persons.gender')}</dt>
          <dd>{person.gender ? t(`gender.${person.gender}`) : t('gender.none')}</dd>
          <dt className="font-medium text-slate-700">{t('persons.ref')}</dt>
          <dd>
            {person.ref} · {t('persons.version')} {person.version}
          </dd>
        </dl>
      </Section>

      {editing.canEdit ? (
        <PersonEditForm
          key={person.version}
          person={{ ...person, aliases: editing.aliases }}
          categories={terms.filter((term) => term.kind === 'defender_category').map((term) => ({ code: term.code, label: categoryLabel(term.code) }))}
          genders={genderEnum.enumValues}
          canReveal={editing.canReveal}
        />
      ) : null}

      <Section title={t('persons.incidents')}>
        <IncidentTable incidents={incidents} locale={locale} t={t} />
      </Section>

      <Section title={t('persons.cases')}>
        <CaseTable cases={cases} t={t} />
      </Section>

      <Section title={t('directoryEdit.history')}>
        <EditHistory edits={editing.edits} locale={locale} t={t} />
      </Section>

      <Section title={t('persons.history')}>
        <MergeHistory merges={merges} locale={locale} t={t} />
      </Section>

      {canMerge ? (
        <div id="merge">
        <MergeInto
          person={person}
          incidentCount={incidents.length}
          caseCount={cases.length}
          categoryLabels={Object.fromEntries(terms.filter((term) => term.kind === 'defender_category').map((term) => [term.code, categoryLabel(term.code)]))}
        />
        </div>
      ) : null}
    </article>
  );
}
