import 'server-only';
import { sql } from 'drizzle-orm';

/**
 * How many incidents (not deleted) name the person or organization of the row as a victim. Asked
 * in the list's select, after its page is chosen, so only the rows shown are counted.
 */
export const incidentCount = (column: 'person_id' | 'documented_organization_id', table: 'persons' | 'documented_organizations') =>
  sql<number>`(SELECT count(DISTINCT v.incident_id)::int FROM incident_victims v JOIN incidents i ON i.id = v.incident_id
                WHERE v.${sql.raw(column)} = ${sql.raw(table)}.id AND i.deleted_at IS NULL)`;
