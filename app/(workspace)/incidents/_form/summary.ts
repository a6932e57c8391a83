import type { Translate } from '@/common/i18n';
import type { TermOption } from '@/app/ui/vocabulary';
import type { IncidentDraft } from './state';

export type SectionName = 'about' | 'date' | 'location' | 'violationTypes' | 'victims' | 'perpetrators' | 'legalProvisions' | 'sources';

const cut = (text: string, length = 60) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Names of the rows of a list, or how many there are once they would not fit on a line. */
function listed(names: string[], t: Translate): string {
  const given = names.map((name) => name.trim()).filter(Boolean);
  if (!given.length) return names.length ? t('form.filled.count', { n: names.length }) : t('form.filled.nothing');
  return given.length > 3 || given.length < names.length ? t('form.filled.count', { n: names.length }) : cut(given.join('; '), 90);
}

/**
 * The line under each section's title of what is filled in it ("Shymkent, KZ · Town or village"),
 * so that a folded section still says what it holds.
 */
export function sectionSummaries(draft: IncidentDraft, violationTypes: TermOption[], t: Translate): Record<SectionName, string> {
  const nothing = t('form.filled.nothing');
  const { date, location } = draft;
  const labelOf = new Map(violationTypes.map((term) => [term.code, term.label]));
  const place = [location.locality, location.region, location.country].map((part) => part.trim()).filter(Boolean).join(', ');
  return {
    about: draft.title.trim() ? cut(draft.title.trim()) : nothing,
    date: date.start.trim() ? `${date.start.trim()}${date.end.trim() ? ` – ${date.end.trim()}` : ''} · ${t(`precision.${date.precision}`)}` : nothing,
    location: place ? `${place} · ${t(`locationPrecision.${location.precision}`)}` : nothing,
    violationTypes: draft.violationTypes.length ? listed(draft.violationTypes.map((code) => labelOf.get(code) ?? code), t) : nothing,
    victims: listed(
      draft.victims.map((victim) =>
        victim.kind === 'person' ? (victim.person?.label ?? '') : victim.kind === 'organization' ? (victim.organization?.label ?? '') : victim.kind === 'newPerson' ? victim.newPerson.name : victim.kind === 'newOrganization' ? victim.newOrganization.name : victim.group.name,
      ),
      t,
    ),
    perpetrators: listed(draft.perpetrators.map((row) => row.name || row.typeCode), t),
    legalProvisions: listed(draft.legalProvisions.map((row) => [row.code, row.article].filter(Boolean).join(' ')), t),
    sources: listed(draft.sources.map((row) => (row.kind === 'source' ? (row.source?.label ?? '') : row.newSource.title)), t),
  };
}
