import type { Locale, MessageKey, Translate } from '@/common/i18n';
import { caseStatuses, legalEventKinds, reviewStatuses } from '@/common/values';
import type { CaseFieldChange, CaseItems } from '@/server/services/cases/diff';
import type { ChangeWording } from '../../review/change-table';
import { dayOf, interventionKindLabel, whenOf } from './labels';

const isList = (field: string) => field === 'persons' || field === 'incidents' || field === 'legalEvents' || field === 'interventions';
/** A code worded by its key when the list knows it; else (an older or imported value) as it is. */
const known = (codes: readonly string[], code: string, key: string, t: Translate) => (codes.includes(code) ? t(key as MessageKey) : code);

function legalEventWords(event: CaseItems['legalEvents'], locale: Locale, t: Translate): string {
  const provisions = event.provisions.map((p) => [p.code, t('incident.article', { article: p.article })].filter(Boolean).join(' ')).join(', ');
  const kind = known(legalEventKinds, event.kind, `cases.legal.kind.${event.kind}`, t);
  return [`${whenOf(event, locale, t)}: ${kind}`, event.personName, event.court, provisions || null, event.outcome, event.summary].filter(Boolean).join(' – ');
}

function interventionWords(item: CaseItems['interventions'], locale: Locale, t: Translate): string {
  return [
    `${whenOf(item, locale, t)}: ${interventionKindLabel(item.kind, t)}`,
    item.by,
    item.referenceCode,
    item.summary,
    item.replyDueOn ? t('interventions.replyDue', { date: dayOf(item.replyDueOn, locale) }) : null,
    item.replyReceivedOn ? t('interventions.replyReceived', { date: dayOf(item.replyReceivedOn, locale) }) : null,
  ]
    .filter(Boolean)
    .join(' – ');
}

/**
 * How a case's changes read (review/change-table.tsx): the server hands over values
 * (server/services/cases/diff.ts), worded here in the reader's language as the case's timeline words
 * them. For the lists (persons, incidents, legal events, interventions) "before" names what was
 * removed and "after" what was added.
 */
export function caseWording(locale: Locale, t: Translate): ChangeWording<CaseFieldChange> {
  return {
    field: (field) => t(`cases.history.field.${field}`),
    note: (field) => (isList(field) ? t('cases.history.listNote') : null),
    value: (change, side) => {
      switch (change.field) {
        case 'title':
        case 'summary':
          return change[side];
        case 'status': {
          const status = change[side];
          return status && known(caseStatuses, status, `cases.status.${status}`, t);
        }
        case 'reviewStatus': {
          const status = change[side];
          return status && known(reviewStatuses, status, `status.${status}`, t);
        }
        case 'persons':
          return change[side]?.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('; ') ?? null;
        case 'incidents':
          return change[side]?.join('; ') ?? null;
        case 'legalEvents':
          return change[side]?.map((event) => legalEventWords(event, locale, t)).join('; ') ?? null;
        case 'interventions':
          return change[side]?.map((item) => interventionWords(item, locale, t)).join('; ') ?? null;
      }
    },
  };
}
