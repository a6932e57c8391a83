/**
 * Choices a monitor makes on every incident, remembered per account in this browser so the next
 * form starts with them: the organization, the country, and the sources cited most recently. Only
 * ids, a country code and source titles: never a name of a person or any text typed about an incident.
 * A title may still name someone, so sign-out erases them with the drafts (./sealed-storage.ts).
 */
export type UsualSource = { id: string; label: string };
export type Remembered = { organizationId?: string; country?: string; sources?: UsualSource[] };

const keyOf = (accountId: string) => `hrd-choices:${accountId}`;
const keepSources = 6;

export function readRemembered(accountId: string): Remembered {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyOf(accountId)) ?? '{}') as Remembered;
    return typeof parsed === 'object' && parsed ? parsed : {};
  } catch {
    return {};
  }
}

/** After a save: these choices lead next time; sources cited now go first, without repeats. */
export function rememberChoices(accountId: string, choices: { organizationId: string; country: string; sources: UsualSource[] }): void {
  if (!accountId) return;
  const before = readRemembered(accountId).sources ?? [];
  const cited = new Set(choices.sources.map((source) => source.id));
  const sources = [...choices.sources, ...before.filter((source) => !cited.has(source.id))].slice(0, keepSources);
  try {
    localStorage.setItem(keyOf(accountId), JSON.stringify({ organizationId: choices.organizationId, country: choices.country, sources }));
  } catch {
    // Nothing is lost but a convenience.
  }
}
