import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { termLabeller } from '@/app/ui/vocabulary';
import { requireViewer } from '../../../session';
import { VersionHistory } from '../../../review/version-history';
import { incidentWording } from '../../change-table';
import { loadIncident, loadIncidentHistory } from '../load';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.history') };
}

export default async function IncidentHistoryPage({ params }: Props) {
  const { id } = await params;
  const [incident, history, { caller }, { locale, t }] = await Promise.all([loadIncident(id), loadIncidentHistory(id), requireViewer(), getI18n()]);
  const terms = await caller.vocabulary.all();
  const wording = incidentWording({ violation: termLabeller(terms, 'violation_type', locale), perpetrator: termLabeller(terms, 'perpetrator_type', locale) }, locale, t);
  return (
    <VersionHistory
      back={{ href: `/incidents/${incident.id}`, label: t('incident.backToIncident') }}
      title={incident.title}
      intro={t('history.intro')}
      history={history}
      wording={wording}
      locale={locale}
      t={t}
    />
  );
}
