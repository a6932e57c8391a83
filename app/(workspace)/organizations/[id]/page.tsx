import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { EditHistory } from '../../_directory/edit-history';
import { CitingList } from '../../_directory/citing';
import { loadDocumentedOrganization } from '../../_directory/load';
import { OrganizationEditForm } from '../../_directory/organization-edit';
import { Section } from '../../incidents/[id]/sections';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('directoryEdit.meta.organization') };
}

/** An organization named in the records (a union, a newspaper): its details, corrections, and the incidents naming it. */
export default async function DocumentedOrganizationPage({ params }: Props) {
  const { id } = await params;
  const [{ organization, incidents, edits, canEdit }, { locale, t }] = await Promise.all([loadDocumentedOrganization(id), getI18n()]);
  const none = t('persons.none');
  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">{t('directoryEdit.organizationKicker')}</p>
        <h1 className="mt-1 text-3xl font-semibold">{organization.name}</h1>
      </header>
      <Section title={t('persons.details')}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t('directoryEdit.aliases')}</dt>
          <dd>{organization.aliases.join('; ') || none}</dd>
          <dt className="font-medium text-slate-700">{t('form.acronym')}</dt>
          <dd>{organization.acronym || none}</dd>
          <dt className="font-medium text-slate-700">{t('directoryEdit.field.kind')}</dt>
          <dd>{organization.kind || none}</dd>
          <dt className="font-medium text-slate-700">{t('form.orgCountry')}</dt>
          <dd>{organization.country || none}</dd>
          <dt className="font-medium text-slate-700">{t('persons.ref')}</dt>
          <dd>
            {organization.ref} · {t('persons.version')} {organization.version}
          </dd>
        </dl>
      </Section>
      {canEdit ? <OrganizationEditForm key={organization.version} organization={organization} /> : null}
      <Section title={t('directoryEdit.organizationIncidents')}>
        <CitingList rows={incidents} href={(incidentId) => `/incidents/${incidentId}`} empty={t('directoryEdit.noIncidents')} locale={locale} t={t} />
      </Section>
      <Section title={t('directoryEdit.history')}>
        <EditHistory edits={edits} locale={locale} t={t} />
      </Section>
    </article>
  );
}
