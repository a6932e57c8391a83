import { en } from '@/common/i18n/en';
import { formatMoment, type Locale, type MessageKey, type Translate } from '@/common/i18n';
import { interventionKindLabel } from '../../cases/_parts/labels';

/** Words for what the audit log stores as codes; an action or detail added later shows by its code until it gets words. */

function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

export function actionLabel(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export function detailLabel(name: string, t: Translate): string {
  const key = `audit.detail.${name}`;
  // A key added later without words: "someNewKey" reads "some new key" rather than as code.
  return isMessageKey(key) ? t(key) : name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}

/** The kind of an intervention or a legal event, in words: "UN communication", "Verdict". */
export function kindValue(action: string, value: unknown, t: Translate): string {
  if (typeof value !== 'string') return String(value);
  if (action.includes('intervention')) return interventionKindLabel(value, t);
  const key = `cases.legal.kind.${value}`;
  return isMessageKey(key) ? t(key) : value.replace(/_/g, ' ');
}

type Counts = { created: number; updated: number; unchanged: number };
function isCounts(value: unknown): value is Counts {
  return typeof value === 'object' && value !== null && 'created' in value && 'updated' in value && 'unchanged' in value;
}

/** A detail's value in words: roles and review states by their names, counts of an import as a sentence, moments in UTC. */
export function detailValue(name: string, value: unknown, t: Translate, locale: Locale): string {
  if (value === null || value === undefined) return t('audit.value.unknown');
  if (value === true) return t('audit.value.yes');
  if (isCounts(value)) return t('audit.counts', value);
  if (typeof value === 'string') {
    if (name === 'linkExpiresAt') return formatMoment(new Date(value), locale);
    for (const key of [`role.${value}`, `status.${value}`, `audit.value.${value}`]) {
      if ((name === 'from' || name === 'to' || name === 'role' || name === 'access' || name === 'via') && isMessageKey(key)) return t(key);
    }
    return value;
  }
  if (value === false) return t('audit.value.no');
  // Lists of field names ("changed"): the names, not JSON.
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? detailLabel(item, t) : JSON.stringify(item))).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

// The database keeps details as jsonb, which reorders keys; people read "before" before "after".
const detailOrder = ['from', 'to', 'role', 'name', 'email', 'address', 'throttled', 'access', 'linkExpiresAt', 'version', 'via'];

/** Details in reading order: the known ones first, in a fixed order, then the rest as stored. */
export function orderedDetails(details: Record<string, unknown>): [string, unknown][] {
  const rank = (name: string) => {
    const i = detailOrder.indexOf(name);
    return i < 0 ? detailOrder.length : i;
  };
  return Object.entries(details).sort(([a], [b]) => rank(a) - rank(b));
}
