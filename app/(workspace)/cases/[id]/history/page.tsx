import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { VersionHistory } from '../../../review/version-history';
import { caseWording } from '../../_parts/change-table';
import { loadCase, loadCaseHistory } from '../load';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('cases.meta.history') };
}

export default async function CaseHistoryPage({ params }: Props) {
  const { id } = await params;
  const [record, history, { locale, t }] = await Promise.all([loadCase(id), loadCaseHistory(id), getI18n()]);
  return (
    <VersionHistory
      back={{ href: `/cases/${record.id}`, label: t('cases.page.backToCase') }}
      title={record.title}
      intro={t('cases.history.intro')}
      history={history}
      wording={caseWording(locale, t)}
      locale={locale}
      t={t}
    />
  );
}
