import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { CaseForm } from '../../_parts/case-form';
import { loadCase } from '../load';
import { BackLink } from '@/app/ui/back-link';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('cases.meta.edit') };
}

export default async function EditCasePage({ params }: Props) {
  const { id } = await params;
  const [record, { t }] = await Promise.all([loadCase(id), getI18n()]);
  return (
    <div className="space-y-6">
      <BackLink href={`/cases/${record.id}`}>{t('cases.page.backToCase')}</BackLink>
      <h1 className="text-3xl font-semibold">
        {t('cases.meta.edit')}: {record.title}
      </h1>
      {record.canEdit ? (
        <CaseForm
          mode="edit"
          caseId={record.id}
          version={record.version}
          organizationId={record.organizationId}
          initial={{
            title: record.title,
            summary: record.summary ?? '',
            status: record.status,
            persons: record.persons.map((p) => ({ personId: p.id, name: p.name, role: p.role ?? '' })),
          }}
        />
      ) : (
        <p className="rounded-lg border border-amber-400 bg-amber-50 p-4">{t('cases.form.cannotEdit')}</p>
      )}
    </div>
  );
}
