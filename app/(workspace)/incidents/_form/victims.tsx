'use client';

import { genders } from '@/common/values';
import { useI18n } from '@/app/i18n/client';
import type { TermOption } from '@/app/ui/vocabulary';
import { dangerLinkButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { FieldMessage } from '@/app/ui/field';
import { Checkbox, CheckboxList, Group, SelectField, TextField, useField, useFocusAfterRender } from './fields';
import { DirectoryPicker } from './picker';
import { blankVictim, type Gender, type VictimDraft, type VictimKind } from './state';
import { fieldId } from './errors';

const victimKinds: VictimKind[] = ['newPerson', 'person', 'newOrganization', 'organization', 'group'];

type RowProps = {
  index: number;
  victim: VictimDraft;
  organizationId: string;
  categories: TermOption[];
  onChange: (victim: VictimDraft) => void;
  onRemove: () => void;
};

function VictimRow({ index, victim, organizationId, categories, onChange, onRemove }: RowProps) {
  const { t } = useI18n();
  const at = `victims.${index}`;
  const n = index + 1;
  const setPerson = (patch: Partial<VictimDraft['newPerson']>) => onChange({ ...victim, newPerson: { ...victim.newPerson, ...patch } });
  const setOrganization = (patch: Partial<VictimDraft['newOrganization']>) =>
    onChange({ ...victim, newOrganization: { ...victim.newOrganization, ...patch } });
  const setGroup = (patch: Partial<VictimDraft['group']>) => onChange({ ...victim, group: { ...victim.group, ...patch } });

  return (
    <Group nested legend={t('form.victim', { n })}>
      <SelectField<VictimKind>
        path={`${at}.kind`}
        label={t('form.victimKind')}
        value={victim.kind}
        options={victimKinds.map((kind) => ({ value: kind, label: t(`form.victimKind.${kind}`) }))}
        onChange={(kind) => kind && onChange({ ...victim, kind })}
      />

      {victim.kind === 'person' ? (
        <DirectoryPicker kind="persons" path={`${at}.personId`} organizationId={organizationId} chosen={victim.person} onChoose={(person) => onChange({ ...victim, person })} />
      ) : null}

      {victim.kind === 'newPerson' ? (
        <>
          <TextField path={`${at}.person.name`} label={t('form.personName')} required value={victim.newPerson.name} onChange={(name) => setPerson({ name })} maxLength={500} autoComplete="off" />
          <SelectField<Gender>
            path={`${at}.person.gender`}
            label={t('form.gender')}
            value={victim.newPerson.gender}
            options={[{ value: '', label: t('gender.none') }, ...genders.map((g) => ({ value: g, label: t(`gender.${g}`) }))]}
            onChange={(gender) => setPerson({ gender })}
            className="max-w-xs"
          />
          <CheckboxList path={`${at}.person.categories`} legend={t('form.defenderCategories')} options={categories} selected={victim.newPerson.categories} onChange={(c) => setPerson({ categories: c })} />
          <TextField path={`${at}.person.roleNote`} label={t('form.roleNote')} value={victim.newPerson.roleNote} onChange={(roleNote) => setPerson({ roleNote })} maxLength={1000} />
          <Checkbox path={`${at}.person.confidential`} label={t('form.confidential')} checked={victim.newPerson.confidential} onChange={(confidential) => setPerson({ confidential })} />
        </>
      ) : null}

      {victim.kind === 'organization' ? (
        <DirectoryPicker
          kind="organizations"
          path={`${at}.documentedOrganizationId`}
          organizationId={organizationId}
          chosen={victim.organization}
          onChoose={(organization) => onChange({ ...victim, organization })}
        />
      ) : null}

      {victim.kind === 'newOrganization' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField path={`${at}.organization.name`} label={t('form.orgName')} required value={victim.newOrganization.name} onChange={(name) => setOrganization({ name })} maxLength={500} className="sm:col-span-2" />
          <TextField path={`${at}.organization.acronym`} label={t('form.acronym')} value={victim.newOrganization.acronym} onChange={(acronym) => setOrganization({ acronym })} maxLength={50} />
          <TextField path={`${at}.organization.country`} label={t('form.orgCountry')} hint={t('form.countryHint')} value={victim.newOrganization.country} onChange={(country) => setOrganization({ country })} maxLength={2} />
          <TextField path={`${at}.organization.kind`} label={t('form.orgKind')} hint={t('form.orgKindHint')} value={victim.newOrganization.kind} onChange={(kind) => setOrganization({ kind })} maxLength={100} className="sm:col-span-2" />
        </div>
      ) : null}

      {victim.kind === 'group' ? (
        <>
          <TextField path={`${at}.groupName`} label={t('form.groupName')} required value={victim.group.name} onChange={(name) => setGroup({ name })} maxLength={500} />
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField path={`${at}.count`} label={t('form.groupCount')} inputMode="numeric" value={victim.group.count} onChange={(count) => setGroup({ count })} />
            <TextField path={`${at}.killed`} label={t('form.groupKilled')} inputMode="numeric" value={victim.group.killed} onChange={(killed) => setGroup({ killed })} />
            <TextField path={`${at}.injured`} label={t('form.groupInjured')} inputMode="numeric" value={victim.group.injured} onChange={(injured) => setGroup({ injured })} />
          </div>
          <CheckboxList path={`${at}.categories`} legend={t('form.defenderCategories')} options={categories} selected={victim.group.categories} onChange={(c) => setGroup({ categories: c })} />
        </>
      ) : null}

      <button type="button" onClick={onRemove} className={dangerLinkButtonClass}>
        {t('form.removeVictim', { n })}
      </button>
    </Group>
  );
}

type Props = { victims: VictimDraft[]; organizationId: string; categories: TermOption[]; onChange: (victims: VictimDraft[]) => void; summary?: string };

/** Victims: each row is an existing or new person, an existing or new organization, or a group. */
export function VictimsFieldset({ victims, organizationId, categories, onChange, summary }: Props) {
  const { t } = useI18n();
  const { id, error } = useField('victims');
  const focusLater = useFocusAfterRender();
  const addId = fieldId('victims.add');
  return (
    <Group id={id} legend={t('form.section.victims')} summary={summary}>
      <FieldMessage id={id} error={error} />
      {victims.length === 0 ? <p className="text-slate-600">{t('form.noVictims')}</p> : null}
      {victims.map((victim, index) => (
        <VictimRow
          key={victim.key}
          index={index}
          victim={victim}
          organizationId={organizationId}
          categories={categories}
          onChange={(next) => onChange(victims.map((v, i) => (i === index ? next : v)))}
          onRemove={() => {
            onChange(victims.filter((_, i) => i !== index));
            focusLater(addId);
          }}
        />
      ))}
      <button
        id={addId}
        type="button"
        className={secondaryButtonClass}
        onClick={() => {
          onChange([...victims, blankVictim()]);
          focusLater(fieldId(`victims.${victims.length}.kind`));
        }}
      >
        {t('form.addVictim')}
      </button>
    </Group>
  );
}
