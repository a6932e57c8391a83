'use client';

import { useI18n } from '@/app/i18n/client';
import type { TermOption } from '@/app/ui/vocabulary';
import { dangerLinkButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { FieldMessage } from '@/app/ui/field';
import { Group, SelectField, TextField, useField, useFocusAfterRender } from './fields';
import { fieldId } from './errors';
import { blankLegalProvision, blankPerpetrator, type LegalProvisionDraft, type PerpetratorDraft } from './state';

/** Adds, replaces and removes rows of a repeating list, moving focus sensibly for keyboard users. */
export function useRows<T>(rows: T[], onChange: (rows: T[]) => void, list: string, firstField: string) {
  const focusLater = useFocusAfterRender();
  const addId = fieldId(`${list}.add`);
  return {
    addId,
    add: (row: T) => {
      onChange([...rows, row]);
      focusLater(fieldId(`${list}.${rows.length}.${firstField}`));
    },
    replace: (index: number, row: T) => onChange(rows.map((r, i) => (i === index ? row : r))),
    remove: (index: number) => {
      onChange(rows.filter((_, i) => i !== index));
      focusLater(addId);
    },
  };
}

export function PerpetratorsFieldset({ perpetrators, types, onChange, summary }: { perpetrators: PerpetratorDraft[]; types: TermOption[]; onChange: (rows: PerpetratorDraft[]) => void; summary?: string }) {
  const { t } = useI18n();
  const { id, error } = useField('perpetrators');
  const rows = useRows(perpetrators, onChange, 'perpetrators', 'typeCode');
  return (
    <Group id={id} legend={t('form.section.perpetrators')} summary={summary}>
      <FieldMessage id={id} error={error} />
      {perpetrators.length === 0 ? <p className="text-slate-600">{t('form.noPerpetrators')}</p> : null}
      {perpetrators.map((row, index) => (
        <Group nested key={row.key} legend={t('form.perpetrator', { n: index + 1 })}>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              path={`perpetrators.${index}.typeCode`}
              label={t('form.perpetratorType')}
              required
              value={row.typeCode}
              options={[{ value: '', label: t('form.chooseType') }, ...types.map((type) => ({ value: type.code, label: type.label }))]}
              onChange={(typeCode) => rows.replace(index, { ...row, typeCode })}
            />
            <TextField
              path={`perpetrators.${index}.name`}
              label={t('form.perpetratorName')}
              hint={t('form.perpetratorNameHint')}
              value={row.name}
              onChange={(name) => rows.replace(index, { ...row, name })}
              maxLength={500}
            />
          </div>
          <button type="button" onClick={() => rows.remove(index)} className={dangerLinkButtonClass}>
            {t('form.removePerpetrator', { n: index + 1 })}
          </button>
        </Group>
      ))}
      <button id={rows.addId} type="button" className={secondaryButtonClass} onClick={() => rows.add(blankPerpetrator())}>
        {t('form.addPerpetrator')}
      </button>
    </Group>
  );
}

export function LegalProvisionsFieldset({ provisions, onChange, summary }: { provisions: LegalProvisionDraft[]; onChange: (rows: LegalProvisionDraft[]) => void; summary?: string }) {
  const { t } = useI18n();
  const { id, error } = useField('legalProvisions');
  const rows = useRows(provisions, onChange, 'legalProvisions', 'code');
  return (
    <Group id={id} legend={t('form.section.legalProvisions')} summary={summary}>
      <FieldMessage id={id} error={error} />
      {provisions.length === 0 ? <p className="text-slate-600">{t('form.noLegalProvisions')}</p> : null}
      {provisions.map((row, index) => (
        <Group nested key={row.key} legend={t('form.legalProvision', { n: index + 1 })}>
          <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
            <TextField
              path={`legalProvisions.${index}.code`}
              label={t('form.legalCode')}
              hint={t('form.legalCodeHint')}
              value={row.code}
              onChange={(code) => rows.replace(index, { ...row, code })}
              maxLength={200}
            />
            <TextField
              path={`legalProvisions.${index}.article`}
              label={t('form.legalArticle')}
              required
              value={row.article}
              onChange={(article) => rows.replace(index, { ...row, article })}
              maxLength={50}
            />
            <TextField
              path={`legalProvisions.${index}.title`}
              label={t('form.legalTitle')}
              value={row.title}
              onChange={(title) => rows.replace(index, { ...row, title })}
              maxLength={500}
              className="sm:col-span-2"
            />
          </div>
          <button type="button" onClick={() => rows.remove(index)} className={dangerLinkButtonClass}>
            {t('form.removeLegalProvision', { n: index + 1 })}
          </button>
        </Group>
      ))}
      <button id={rows.addId} type="button" className={secondaryButtonClass} onClick={() => rows.add(blankLegalProvision())}>
        {t('form.addLegalProvision')}
      </button>
    </Group>
  );
}
