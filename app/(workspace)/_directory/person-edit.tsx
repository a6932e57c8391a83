'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { hintClass, labelClass } from '@/app/ui/styles';
import type { persons } from '@/db/schema';
import { AliasesField, EditPanel, SelectField, TextField, aliasLines, useRecordSave } from './edit-panel';

type Person = Pick<typeof persons.$inferSelect, 'id' | 'name' | 'aliases' | 'gender' | 'categories' | 'roleNote' | 'confidential' | 'version'>;
type Gender = NonNullable<Person['gender']>;
/** `genders`: the value list, handed by the page (the schema stays out of the browser bundle). */
type Props = { person: Person; categories: { code: string; label: string }[]; genders: readonly Gender[]; canReveal: boolean };

/**
 * Correcting a person: the name and other spellings, categories, gender, role, and the confidential
 * mark. Taking the mark off is offered only to those who may (reviewers and admins); the server decides.
 */
export function PersonEditForm({ person, categories, genders, canReveal }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const update = useMutation(trpc.person.update.mutationOptions());
  const state = useRecordSave();
  const [name, setName] = useState(person.name);
  const [aliases, setAliases] = useState(person.aliases.join('\n'));
  const [gender, setGender] = useState(person.gender ?? '');
  const [chosen, setChosen] = useState<string[]>(person.categories);
  const [roleNote, setRoleNote] = useState(person.roleNote ?? '');
  const [confidential, setConfidential] = useState(person.confidential);
  const lockedConfidential = person.confidential && !canReveal;

  function submit() {
    void state.save(
      () =>
        update.mutateAsync({
          id: person.id,
          version: person.version,
          fields: {
            name,
            aliases: aliasLines(aliases),
            gender: (gender || null) as Person['gender'],
            categories: chosen,
            roleNote,
            confidential,
          },
        }),
      () => undefined,
    );
  }

  return (
    <EditPanel heading={t('directoryEdit.editPerson')} saving={state.saving} problem={state.problem} conflict={state.conflict} onSubmit={submit} onReload={state.reload}>
      <TextField label={t('form.personName')} value={name} onChange={setName} error={state.errors.name} required />
      <AliasesField value={aliases} onChange={setAliases} error={state.errors.aliases} />
      <SelectField
        label={t('form.gender')}
        value={gender}
        onChange={setGender}
        options={[{ value: '', label: t('gender.none') }, ...genders.map((value) => ({ value, label: t(`gender.${value}`) }))]}
        error={state.errors.gender}
      />
      <fieldset>
        <legend className={labelClass}>{t('form.defenderCategories')}</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {categories.map((category) => (
            <label key={category.code} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={chosen.includes(category.code)}
                onChange={(event) => setChosen((current) => (event.target.checked ? [...current, category.code] : current.filter((code) => code !== category.code)))}
              />
              {category.label}
            </label>
          ))}
        </div>
        {state.errors.categories ? <p className="mt-1 text-sm font-medium text-red-800">{state.errors.categories}</p> : null}
      </fieldset>
      <TextField label={t('form.roleNote')} value={roleNote} onChange={setRoleNote} error={state.errors.roleNote} multiline />
      <div>
        <label className="flex items-center gap-2 font-medium">
          <input type="checkbox" checked={confidential} disabled={lockedConfidential} onChange={(event) => setConfidential(event.target.checked)} />
          {t('form.confidential')}
        </label>
        <p className={hintClass}>{lockedConfidential ? t('directoryEdit.revealReviewerOnly') : confidential ? t('directoryEdit.confidentialHint') : t('directoryEdit.markConfidentialHint')}</p>
      </div>
    </EditPanel>
  );
}
