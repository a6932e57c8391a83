import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { requireViewer } from '../../session';
import { IncidentForm } from '../_form/incident-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.newIncident') };
}

type Props = { searchParams: Promise<{ from?: string | string[]; unfinished?: string | string[] }> };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A new incident; `?from=<id>` starts it as a copy of one the viewer may read ("Duplicate this
 * incident"); `?unfinished=<id>` continues an unfinished form the viewer kept on the server.
 */
export default async function NewIncidentPage({ searchParams }: Props) {
  const { caller, viewer } = await requireViewer();
  const { from, unfinished } = await searchParams;
  const resumeAsked = typeof unfinished === 'string' && uuid.test(unfinished);
  const [{ t }, terms, regions, template, resume] = await Promise.all([
    getI18n(),
    caller.vocabulary.all(),
    caller.incident.regions({}),
    // The same read as the incident page, with its policy: one not found (or only shared with us) gives a blank form.
    typeof from === 'string' && uuid.test(from) ? caller.incident.get({ id: from }).catch(() => null) : null,
    // The author's alone (server/policy/unfinished-form.ts): anyone else's, or one saved or deleted since, gives a blank form and says so.
    resumeAsked ? caller.unfinishedForm.get({ id: unfinished }).catch(() => null) : null,
  ]);
  const memberships = viewer.memberships.map(({ organizationId, organizationName }) => ({ organizationId, organizationName }));
  const copyOf = template && !template.sharedReadOnly ? template : undefined;
  return (
    <>
      <h1 className="mb-6 text-3xl font-semibold">{t('form.headingNew')}</h1>
      {resumeAsked && !resume ? <p className="mb-6 rounded-lg border border-amber-700 bg-amber-50 p-4 text-amber-950">{t('unfinished.gone')}</p> : null}
      <IncidentForm mode="create" memberships={memberships} terms={terms} regions={regions} template={resume ? undefined : copyOf} resume={resume ?? undefined} />
    </>
  );
}
