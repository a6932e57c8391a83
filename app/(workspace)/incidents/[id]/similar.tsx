import type { findSimilarElsewhere } from '@/server/services/incidents/sharing';
import { formatIncidentDate, type Locale, type Translate } from '@/common/i18n';
import { regionLabel } from '@/common/regions';
import { Panel } from '@/app/ui/panel';

type Similar = Awaited<ReturnType<typeof findSimilarElsewhere>>[number];

/**
 * Other organizations recorded something like this incident. Only the organization, the period, the
 * region and the types are told (the server sends nothing else): enough to get in touch.
 */
export function SimilarElsewhere({ similar, violationLabel, locale, t }: { similar: Similar[]; violationLabel: (code: string) => string; locale: Locale; t: Translate }) {
  if (similar.length === 0) return null;
  return (
    <Panel id="similar-heading" heading={t('sharing.similarHeading')} tone="notice">
      <p className="mt-2 text-sm text-slate-800">{t('sharing.similarExplain')}</p>
      <ul className="mt-3 list-disc space-y-1 pl-5">
        {similar.map((item, index) => (
          <li key={index}>
            <span className="font-medium">{item.organizationName}</span>
            {': '}
            {[formatIncidentDate(item.startDate, item.datePrecision, locale), regionLabel(item.region, locale), item.violationTypes.map(violationLabel).join(', ')]
              .filter(Boolean)
              .join(' · ')}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
