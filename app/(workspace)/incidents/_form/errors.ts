import type { ZodError } from 'zod';
import type { MessageKey, Translate } from '@/common/i18n';
import { sayProblem } from '@/common/i18n/problems';
import { problemOfIssue } from '@/common/inputs/problems';

/** Field messages by dotted path ("date.start", "victims.0.person.name"), as the server sends them. */
export type FieldErrors = Record<string, string>;

/** The element id of the control for a dotted path: the server's error keys map straight onto the form. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, '-')}`;
}

/** The same flattening as the server's error formatter: the first message for each path, in the reader's language. */
export function zodFieldErrors(error: ZodError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    const problem = problemOfIssue(issue);
    errors[key] ??= problem ? sayProblem(t, problem.code, problem.params) : issue.message;
  }
  return errors;
}

/** Moves focus to the control for a path, or to the nearest enclosing group that exists. */
export function focusField(path: string): void {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const element = document.getElementById(fieldId(parts.slice(0, length).join('.')));
    if (!element) continue;
    const control = element.matches('input, select, textarea, button')
      ? element
      : element.querySelector<HTMLElement>('input, select, textarea, button');
    (control ?? element).focus();
    control?.scrollIntoView({ block: 'center' });
    return;
  }
}

const leafLabels: Record<string, MessageKey> = {
  title: 'form.title',
  summary: 'form.summary',
  'date.precision': 'form.datePrecision',
  'date.start': 'form.dateStart',
  'date.end': 'form.dateEnd',
  'location.country': 'form.country',
  'location.region': 'form.region',
  'location.locality': 'form.locality',
  'location.lat': 'form.latitude',
  'location.lon': 'form.longitude',
  'location.precision': 'form.locationPrecision',
  violationTypes: 'form.section.violationTypes',
  victims: 'form.section.victims',
  perpetrators: 'form.section.perpetrators',
  legalProvisions: 'form.section.legalProvisions',
  sources: 'form.section.sources',
  personId: 'form.victimKind.person',
  'person.name': 'form.personName',
  'person.gender': 'form.gender',
  'person.categories': 'form.defenderCategories',
  'person.roleNote': 'form.roleNote',
  documentedOrganizationId: 'form.victimKind.organization',
  'organization.name': 'form.orgName',
  'organization.acronym': 'form.acronym',
  'organization.kind': 'form.orgKind',
  'organization.country': 'form.orgCountry',
  groupName: 'form.groupName',
  count: 'form.groupCount',
  killed: 'form.groupKilled',
  injured: 'form.groupInjured',
  categories: 'form.defenderCategories',
  typeCode: 'form.perpetratorType',
  name: 'form.perpetratorName',
  code: 'form.legalCode',
  article: 'form.legalArticle',
  sourceId: 'form.sourceKind.source',
  'source.title': 'form.sourceTitle',
  'source.publisher': 'form.publisher',
  'source.publishedOn': 'form.publishedOn',
  'source.kind': 'form.sourceType',
  'source.referenceCode': 'form.referenceCode',
  'source.url': 'form.url',
  'source.reliability': 'form.reliability',
};

const rowLabels: Record<string, MessageKey> = {
  victims: 'form.victim',
  perpetrators: 'form.perpetrator',
  legalProvisions: 'form.legalProvision',
  sources: 'form.source',
};

/** Words for a path in the error summary: "Victim 2 – Full name". */
export function describeField(path: string, t: Translate): string | null {
  const [list, index, ...rest] = path.split('.');
  const row = list ? rowLabels[list] : undefined;
  if (row && index !== undefined && /^\d+$/.test(index)) {
    const leaf = rest.join('.');
    // "title" means the legal provision's title in that list, not the incident's.
    const key = list === 'legalProvisions' && leaf === 'title' ? 'form.legalTitle' : leafLabels[leaf];
    const rowName = t(row, { n: Number(index) + 1 });
    return key ? `${rowName} – ${t(key)}` : rowName;
  }
  const key = leafLabels[path];
  return key ? t(key) : null;
}

const sectionOrder = ['organizationId', 'title', 'summary', 'date', 'location', 'violationTypes', 'victims', 'perpetrators', 'legalProvisions', 'sources'];

/** The messages in the order their fields appear in the form (the sort is stable within a row). */
export function inFormOrder(errors: FieldErrors): [string, string][] {
  const rank = (path: string) => {
    const [section = '', index] = path.split('.');
    const position = sectionOrder.indexOf(section);
    return (position < 0 ? sectionOrder.length : position) * 1000 + (index && /^\d+$/.test(index) ? Number(index) : 0);
  };
  return Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
}
