'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import type { documentedOrganizations } from '@/db/schema';
import { AliasesField, EditPanel, TextField, aliasLines, useRecordSave } from './edit-panel';

type Organization = Pick<typeof documentedOrganizations.$inferSelect, 'id' | 'name' | 'aliases' | 'acronym' | 'kind' | 'country' | 'version'>;

/** Correcting a documented organization: its name, other names, acronym, kind and country. */
export function OrganizationEditForm({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const update = useMutation(trpc.documentedOrganization.update.mutationOptions());
  const state = useRecordSave();
  const [name, setName] = useState(organization.name);
  const [aliases, setAliases] = useState(organization.aliases.join('\n'));
  const [acronym, setAcronym] = useState(organization.acronym ?? '');
  const [kind, setKind] = useState(organization.kind ?? '');
  const [country, setCountry] = useState(organization.country ?? '');

  function submit() {
    void state.save(
      () => update.mutateAsync({ id: organization.id, version: organization.version, fields: { name, aliases: aliasLines(aliases), acronym, kind, country } }),
      () => undefined,
    );
  }

  return (
    <EditPanel heading={t('directoryEdit.editOrganization')} saving={state.saving} problem={state.problem} conflict={state.conflict} onSubmit={submit} onReload={state.reload}>
      <TextField label={t('form.orgName')} value={name} onChange={setName} error={state.errors.name} required />
      <AliasesField value={aliases} onChange={setAliases} error={state.errors.aliases} />
      <TextField label={t('form.acronym')} value={acronym} onChange={setAcronym} error={state.errors.acronym} />
      <TextField label={t('form.orgKind')} hint={t('form.orgKindHint')} value={kind} onChange={setKind} error={state.errors.kind} />
      <TextField label={t('form.orgCountry')} value={country} onChange={setCountry} error={state.errors.country} />
    </EditPanel>
  );
}
