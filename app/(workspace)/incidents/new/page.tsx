import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { requireViewer } from '../../session';
import { IncidentForm } from '../_form/incident-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.newIncident') };
}

type Props = { searchParams: Promise<{ from?: string | string[] }> };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new incident; `?from=<id>` starts it as a copy of one the viewer may read ("Duplicate this incident"). */
export default async function NewIncidentPage({ searchParams }: Props) {
  const { caller, viewer } = await requireViewer();
  const { from } = await searchParams;
  const [{ t }, terms, regions, template] = await Promise.all([
    getI18n(),
    caller.vocabulary.all(),
    caller.incident.regions({}),
    // The same read as the incident page, with its policy: one not found (or only shared with us) gives a blank form.
    typeof from === 'string' && uuid.test(from) ? caller.incident.get({ id: from }).catch(() => null) : null,
  ]);
  const memberships = viewer.memberships.map(({ organizationId, organizationName }) => ({ organizationId, organizationName }));
  const copyOf = template && !template.sharedReadOnly ? template : undefined;
  return (
    <>
      <h1 className="mb-6 text-3xl font-semibold">{t('form.headingNew')}</h1>
      <IncidentForm mode="create" memberships={memberships} terms={terms} regions={regions} template={copyOf} />
    </>
  );
}
