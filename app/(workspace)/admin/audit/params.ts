import { auditListInput, type AuditListInput } from '@/common/inputs/audit';

/** The audit page's filters as they appear in the URL (short names), and the procedure's inputs they map to. */
export const auditFilterNames = { org: 'organizationId', action: 'action', actor: 'actorId', subject: 'subjectId', from: 'from', to: 'to' } as const;
export type AuditFilterName = keyof typeof auditFilterNames;
type ParamName = AuditFilterName | 'cursor';

export type AuditParams = {
  values: Partial<Record<ParamName, string>>;
  /** Given but not understood: shown beside their field, not applied. */
  rejected: Partial<Record<AuditFilterName, string>>;
  input: AuditListInput;
};

type SearchParams = Record<string, string | string[] | undefined>;
const shape = auditListInput.shape;

/**
 * Reads each filter with the procedure's own schema, so a hand-edited URL sets that value aside
 * instead of failing the page. Dates in the wrong order drop the end date, and say so.
 */
export function parseAuditParams(searchParams: SearchParams, limit: number): AuditParams {
  const values: AuditParams['values'] = {};
  const rejected: AuditParams['rejected'] = {};
  const input: Record<string, unknown> = { limit };
  for (const [name, field] of Object.entries(auditFilterNames) as [AuditFilterName, (typeof auditFilterNames)[AuditFilterName]][]) {
    const raw = searchParams[name];
    const text = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!text) continue;
    if (shape[field].safeParse(text).success) {
      values[name] = text;
      input[field] = text;
    } else {
      rejected[name] = text;
    }
  }
  if (typeof input.from === 'string' && typeof input.to === 'string' && input.from > input.to) {
    rejected.to = input.to;
    delete values.to;
    delete input.to;
  }
  const cursorText = (Array.isArray(searchParams.cursor) ? searchParams.cursor[0] : searchParams.cursor)?.trim();
  const cursor = cursorText && /^\d{1,15}$/.test(cursorText) ? Number(cursorText) : null;
  if (cursor) {
    values.cursor = String(cursor);
    input.cursor = cursor;
  }
  return { values, rejected, input: input as AuditListInput };
}

/** The audit page URL with these values (empty ones left out). */
export function auditHref(values: Partial<Record<ParamName, string>>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `/admin/audit?${text}` : '/admin/audit';
}
