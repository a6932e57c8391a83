import type { MessageKey, Translate } from '@/common/i18n';
import type { CaseField } from '@/common/record-fields';
import type { ChangeWording } from '../../review/change-table';

const isList = (field: string) => field === 'persons' || field === 'incidents' || field === 'legalEvents' || field === 'interventions';

/**
 * How a case's changes read (review/change-table.tsx). For the lists (persons, incidents, legal
 * events, interventions) "before" names what was removed and "after" what was added.
 */
export function caseWording(t: Translate): ChangeWording {
  return {
    field: (field) => t(`cases.history.field.${field as CaseField}`),
    note: (field) => (isList(field) ? t('cases.history.listNote') : null),
    value: (field, value) => {
      if (field === 'status' && (value === 'open' || value === 'closed')) return t(`cases.status.${value}`);
      if (field === 'reviewStatus') return t(`status.${value}` as MessageKey);
      return value;
    },
  };
}
