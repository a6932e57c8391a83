import { regionCodeOf } from '../../common/regions';
/**
 * The same figures as the stats endpoint, in raw SQL straight from the workspace tables (published,
 * not deleted): what bench/public-api.ts compares the endpoint's answers and speed with.
 */
export function rawStats(groupBy: string, filter: Record<string, string>): string {
  const conditions = ['i.published_version IS NOT NULL', 'i.deleted_at IS NULL'];
  // A region as the API reads it: a name is its code (the workspace stores codes).
  if (filter.region) conditions.push(`i.region = '${regionCodeOf(filter.region) ?? filter.region}'`);
  if (filter.type) {
    conditions.push(`i.violation_types && ARRAY(WITH RECURSIVE narrower(code) AS (SELECT '${filter.type}'::text
      UNION SELECT v.code FROM vocabulary_terms v JOIN narrower n ON v.parent_code = n.code WHERE v.kind = 'violation_type') SELECT code FROM narrower)`);
  }
  if (filter.from) {
    conditions.push(`(CASE i.date_precision WHEN 'year' THEN (date_trunc('year', i.start_date) + interval '1 year - 1 day')::date
      WHEN 'month' THEN (date_trunc('month', i.start_date) + interval '1 month - 1 day')::date ELSE i.start_date END) >= '${filter.from}-01'::date`);
  }
  if (filter.to) conditions.push(`i.start_date <= (date_trunc('month', '${filter.to}-01'::date) + interval '1 month - 1 day')::date`);
  const where = conditions.join(' AND ');
  const byTerm = (kind: string, hits: string) => `WITH RECURSIVE broader(code, ancestor) AS (
      SELECT code, parent_code FROM vocabulary_terms WHERE kind = '${kind}' AND parent_code IS NOT NULL
      UNION SELECT b.code, v.parent_code FROM broader b JOIN vocabulary_terms v ON v.kind = '${kind}' AND v.code = b.ancestor WHERE v.parent_code IS NOT NULL
    ), hits AS (${hits})
    SELECT key, count(DISTINCT incident_id)::int AS n FROM (
      SELECT incident_id, code AS key FROM hits UNION SELECT h.incident_id, b.ancestor FROM hits h JOIN broader b ON b.code = h.code
    ) x GROUP BY key ORDER BY n DESC, key`;
  switch (groupBy) {
    case 'year':
      return `SELECT to_char(i.start_date, 'YYYY') AS key, count(*)::int AS n FROM incidents i WHERE ${where} GROUP BY 1 ORDER BY 1`;
    case 'month':
      return `SELECT to_char(i.start_date, 'YYYY-MM') AS key, count(*)::int AS n FROM incidents i WHERE ${where} AND i.date_precision <> 'year' GROUP BY 1 ORDER BY 1`;
    case 'region':
      return `SELECT i.region AS key, count(*)::int AS n FROM incidents i WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`;
    case 'violation_type':
      return byTerm('violation_type', `SELECT i.id AS incident_id, t.code FROM incidents i CROSS JOIN LATERAL unnest(i.violation_types) AS t(code) WHERE ${where}`);
    case 'defender_category':
      // A person's categories are the person's own; a group's are the victim link's.
      return byTerm('defender_category', `SELECT i.id AS incident_id, c.code FROM incidents i JOIN incident_victims v ON v.incident_id = i.id
        LEFT JOIN persons p ON p.id = v.person_id CROSS JOIN LATERAL unnest(CASE WHEN v.person_id IS NULL THEN v.categories ELSE p.categories END) AS c(code) WHERE ${where}`);
    default:
      return byTerm('perpetrator_type', `SELECT i.id AS incident_id, pp.type_code AS code FROM incidents i JOIN incident_perpetrators pp ON pp.incident_id = i.id WHERE ${where}`);
  }
}
