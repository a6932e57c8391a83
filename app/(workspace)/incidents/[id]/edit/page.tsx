import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/app/i18n/server';
import { linkClass } from '@/app/ui/styles';
import { requireViewer } from '../../../session';
import { IncidentForm } from '../../_form/incident-form';
import { loadIncident } from '../load';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.editIncident') };
}

export default async function EditIncidentPage({ params }: Props) {
  const { id } = await params;
  const [{ canEdit, ...incident }, { caller }, { t }] = await Promise.all([loadIncident(id), requireViewer(), getI18n()]);
  const back = (
    <p className="text-sm">
      <Link href={`/incidents/${incident.id}`} className={linkClass}>
        {t('incident.backToIncident')}
      </Link>
    </p>
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
