'use client';

import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import { dangerLinkButtonClass, inputClass, labelClass, secondaryButtonClass } from '@/app/ui/styles';

type Organization = { organizationId: string; name: string };

/**
 * A reviewer shares one file with an organization that reads the incident, or stops sharing it: a
 * shared read-only copy of an incident carries no file unless its owners share that file.
 */
export function FileSharing({
  fileTitle,
  sharedWith,
  targets,
  pending,
  onShare,
  onUnshare,
}: {
  fileTitle: string;
  sharedWith: Organization[];
  targets: Organization[];
  pending: boolean;
  onShare: (organizationId: string) => void;
  onUnshare: (organizationId: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const open = targets.filter((target) => !sharedWith.some((shared) => shared.organizationId === target.organizationId));
  const [chosen, setChosen] = useState('');
  const choice = open.some((target) => target.organizationId === chosen) ? chosen : (open[0]?.organizationId ?? '');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (choice) onShare(choice);
  }

  return (
    <div className="mt-2 text-sm">
      {sharedWith.length > 0 ? (
        <ul className="flex flex-wrap items-center gap-2" aria-label={t('evidence.sharedWithLabel', { name: fileTitle })}>
          {sharedWith.map((organization) => (
            <li key={organization.organizationId} className="flex items-center gap-1 rounded bg-sky-100 pl-2 text-sky-950">
              {t('evidence.sharedWith', { name: organization.name })}
              <button type="button" className={dangerLinkButtonClass} disabled={pending} onClick={() => onUnshare(organization.organizationId)}>
                {t('evidence.unshare', { name: organization.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {open.length > 0 ? (
        <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor={`${id}-target`} className={labelClass}>
              {t('evidence.shareWith')}
            </label>
            <select id={`${id}-target`} className={`${inputClass} mt-1`} value={choice} onChange={(event) => setChosen(event.target.value)}>
              {open.map((target) => (
                <option key={target.organizationId} value={target.organizationId}>
                  {target.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={secondaryButtonClass} disabled={pending}>
            {t('evidence.share')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
