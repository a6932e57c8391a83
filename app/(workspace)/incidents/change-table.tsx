import { reviewStatusEnum, type ReviewStatus } from '@/db/schema';
import type { IncidentField } from '@/common/record-fields';
import type { Translate } from '@/common/i18n';
import type { ChangeWording } from '../review/change-table';

const isStatus = (value: string): value is ReviewStatus => (reviewStatusEnum.enumValues as readonly string[]).includes(value);

export type ChangeLabels = { violation: (code: string) => string; perpetrator: (code: string) => string };

/** "court: Shymkent City Court; police" with each leading code shown as its label. */
function labelPerpetrators(value: string, label: (code: string) => string): string {
  return value
    .split('; ')
    .map((part) => {
      const [code = '', ...name] = part.split(': ');
      return /^[a-z][a-z0-9_]*$/.test(code) ? [label(code), ...name].join(': ') : part;
    })
    .join('; ');
}

/**
 * How an incident's changes read (review/change-table.tsx): the server describes values in words;
 * where those words are vocabulary codes (status, violation types, perpetrator types) they are
 * shown with their labels here.
 */
export function incidentWording(labels: ChangeLabels, t: Translate): ChangeWording {
  return {
    field: (field) => t(`field.${field as IncidentField}`),
    value: (field, value) => {
      if (field === 'status' && isStatus(value)) return t(`status.${value}`);
      if (field === 'violationTypes') return value.split(', ').map(labels.violation).join(', ');
      if (field === 'perpetrators') return labelPerpetrators(value, labels.perpetrator);
      return value;
    },
  };
}
