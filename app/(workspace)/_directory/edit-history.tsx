import { formatMoment, type Locale, type MessageKey, type Translate } from '@/common/i18n';
import type { FieldChange } from '@/server/services/directory/history';

type Entry = { version: number; savedVia: string; savedAt: Date; savedBy: string | null; changes: FieldChange[] };

const fieldLabels: Record<string, MessageKey> = {
  name: 'directoryEdit.field.name',
  aliases: 'directoryEdit.aliases',
  gender: 'form.gender',
  categories: 'form.defenderCategories',
  roleNote: 'form.roleNote',
  confidential: 'persons.confidential',
  acronym: 'form.acronym',
  kind: 'directoryEdit.field.kind',
  country: 'form.orgCountry',
  title: 'form.sourceTitle',
  publisher: 'form.publisher',
  publishedOn: 'form.publishedOn',
  referenceCode: 'form.referenceCode',
  url: 'form.url',
  reliability: 'form.reliability',
};

function shown(value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('directoryEdit.empty');
  if (Array.isArray(value)) return value.length ? value.join(', ') : t('directoryEdit.empty');
  if (typeof value === 'boolean') return value ? t('directoryEdit.yes') : t('directoryEdit.no');
  return String(value);
}

/** Every saved version of a person, organization or source, newest first, with what changed from the version before. */
export function EditHistory({ edits, locale, t }: { edits: Entry[]; locale: Locale; t: Translate }) {
  if (edits.length === 0) return <p className="text-slate-600">{t('directoryEdit.noEdits')}</p>;
  return (
    <ol className="space-y-4">
      {edits.map((entry) => (
        <li key={entry.version} className="border-l-4 border-slate-300 pl-3">
          <p className="font-medium">
            {entry.savedVia === 'before-edit'
              ? t('directoryEdit.beforeEdit', { version: entry.version })
              : t('directoryEdit.editedBy', { version: entry.version, by: entry.savedBy ?? t('directoryEdit.someone'), at: formatMoment(entry.savedAt, locale) })}
          </p>
          {entry.changes.length ? (
            <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              {entry.changes.map((change) => (
                <div key={change.field} className="contents">
                  <dt className="font-medium text-slate-700">{fieldLabels[change.field] ? t(fieldLabels[change.field]!) : change.field}</dt>
                  <dd>
                    <del className="text-slate-600">{shown(change.before, t)}</del> → <ins className="no-underline">{shown(change.after, t)}</ins>
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
