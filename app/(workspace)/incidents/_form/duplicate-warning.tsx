'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { linkClass, primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import type { LikelyDuplicate } from '@/server/services/incidents/duplicates';
import type { IncidentFormValues } from '@/common/inputs/incident';

/** What the check compares: the same values give the same answer, so a confirmation holds until one of them changes. */
function checkInput(organizationId: string, incidentId: string | null, values: IncidentFormValues) {
  const victims = values.victims ?? [];
  return {
    organizationId,
    incidentId,
    title: values.title,
    date: values.date,
    personIds: victims.flatMap((v) => (v.kind === 'person' ? [v.personId] : [])),
    personNames: victims.flatMap((v) => (v.kind === 'newPerson' ? [v.person.name] : [])),
  };
}

/**
 * Before a save, asks the server whether the incident looks like one already recorded; if so the form
 * shows the likely duplicates with links and saves only when the monitor confirms. A failed check never
 * blocks a save: the warning helps, the record must not be lost for it.
 */
export function useDuplicateCheck(organizationId: string, incidentId: string | null) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [found, setFound] = useState<LikelyDuplicate[]>([]);
  /** The values the monitor confirmed as not a duplicate, and the ones the warning on screen is about. */
  const confirmed = useRef<string | null>(null);
  const warned = useRef<string | null>(null);
  const warningRef = useRef<HTMLDivElement>(null);

  async function allows(values: IncidentFormValues): Promise<boolean> {
    const input = checkInput(organizationId, incidentId, values);
    const key = JSON.stringify(input);
    if (confirmed.current === key) {
      setFound([]);
      return true;
    }
    let duplicates: LikelyDuplicate[] = [];
    try {
      duplicates = await queryClient.fetchQuery({ ...trpc.incident.duplicates.queryOptions(input), staleTime: 0 });
    } catch {
      return true;
    }
    if (duplicates.length === 0) return true;
    setFound(duplicates);
    warned.current = key;
    requestAnimationFrame(() => warningRef.current?.focus());
    return false;
  }

  const warning: ReactNode =
    found.length === 0 ? null : (
      <div ref={warningRef} tabIndex={-1} role="alert" className="rounded-lg border-2 border-amber-700 bg-amber-50 p-4 text-amber-950" data-testid="duplicate-warning">
        <h2 className="text-lg font-semibold">{t('duplicates.heading')}</h2>
        <p className="mt-1">{t('duplicates.intro')}</p>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {found.map((incident) => (
            <li key={incident.id}>
              <Link href={`/incidents/${incident.id}`} target="_blank" className={linkClass}>
                {incident.title}
              </Link>{' '}
              <span className="text-sm">
                ({incident.startDate}; {[incident.sharedVictim ? t('duplicates.sharedVictim') : null, incident.similarTitle ? t('duplicates.similarTitle') : null].filter(Boolean).join(', ')})
              </span>
            </li>
          ))}
        </ul>
        <div className="mt-3 flex flex-wrap gap-4">
          {/* A submit button of the form: the save runs again with what is on screen now, and a changed title or victim is checked afresh. */}
          <button type="submit" className={primaryButtonClass} onClick={() => (confirmed.current = warned.current)}>
            {t('duplicates.saveAnyway')}
          </button>
          <button type="button" className={secondaryButtonClass} onClick={() => setFound([])}>
            {t('duplicates.keepEditing')}
          </button>
        </div>
      </div>
    );

  return { allows, warning };
}
