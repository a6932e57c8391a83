import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { requireViewer } from '../../../session';
import { IncidentForm } from '../../_form/incident-form';
import { loadIncident } from '../load';
import { BackLink } from '@/app/ui/back-link';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.editIncident') };
}

export default async function EditIncidentPage({ params }: Props) {
  const { id } = await params;
  const [{ canEdit, ...incident }, { caller }, { t }] = await Promise.all([loadIncident(id), requireViewer(), getI18n()]);
  const back = (
    <BackLink href={`/incidents/${incident.id}`}>{t('incident.backToIncident')}</BackLink>
  );
  if (!canEdit) {
    return (
      <>
        {back}
        <h1 className="mt-3 text-3xl font-semibold">{t('form.headingEdit')}</h1>
        <p className="mt-6 rounded-lg border border-amber-500 bg-amber-50 p-4 text-amber-950">{t('incident.cannotEdit')}</p>
      </>
    );
  }
  const [terms, regions] = await Promise.all([caller.vocabulary.all(), caller.incident.regions({ organizationId: incident.organizationId })]);
  return (
    <>
      {back}
      <h1 className="mb-6 mt-3 text-3xl font-semibold">{t('form.headingEdit')}</h1>
      <IncidentForm mode="edit" incident={incident} terms={terms} regions={regions} />
    </>
  );
}
