import { createHash } from 'node:crypto';
import type { Db } from '@/db/client';
import type { PublicFilters } from './filters';
import { publicIncidentBatches, publicVocabulary, type PublicIncidentRow } from './incidents';

/**
 * The public export in the exchange format (exchange/schema.json): only published incidents, and
 * the persons, organizations and sources they reference, as the read model holds them (protected
 * persons as their label, marked confidential, never named). Streamed: incidents first, a batch at
 * a time, then the records they referenced. Cases are not part of the public read model yet, so
 * the public export holds none.
 */

type ExchangePerson = { ref: string; name: string; categories: string[]; confidential: boolean };
type ExchangeOrganization = { ref: string; name: string };
type ExchangeSource = { ref: string; title: string; publisher: string | null; published_on: string | null; reference_code: string | null; url: string | null };

const digest = (...parts: (string | null)[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 20);

export class PublicExchangeBuilder {
  private persons = new Map<string, ExchangePerson>();
  private organizations = new Map<string, ExchangeOrganization>();
  private sources = new Map<string, ExchangeSource>();

  incident(row: PublicIncidentRow) {
    let protectedIndex = 0;
    const victims = row.victims.map((victim) => {
      if (victim.kind === 'person') {
        // A protected person's ref comes from the incident and the label's place, never from the name.
        const ref = victim.protected ? `person:protected-${row.incidentId}-${++protectedIndex}` : `person:${digest('person', victim.name)}`;
        const known = this.persons.get(ref);
        const categories = [...new Set([...(known?.categories ?? []), ...victim.categories])].sort();
        this.persons.set(ref, { ref, name: victim.name, categories, confidential: victim.protected });
        return { person: ref, categories: victim.categories };
      }
      if (victim.kind === 'organization') {
        const ref = `org:${digest('organization', victim.name)}`;
        this.organizations.set(ref, { ref, name: victim.name });
        return { organization: ref };
      }
      return { group: victim.name, count: victim.count, killed: victim.killed, injured: victim.injured, categories: victim.categories };
    });
    const sourceRefs = row.sources.map((source) => {
      const ref = `source:${digest(source.title, source.publisher, source.publishedOn, source.referenceCode, source.url)}`;
      this.sources.set(ref, {
        ref,
        title: source.title,
        publisher: source.publisher,
        published_on: source.publishedOn,
        reference_code: source.referenceCode,
        url: source.url,
      });
      return ref;
    });
    return {
      ref: `inc:${row.incidentId}`,
      title: row.title,
      summary: row.summary,
      date: { start: row.startDate, end: row.endDate, precision: row.datePrecision },
      location: { country: row.country, region: row.region, locality: row.locality, lat: row.lat, lon: row.lon, precision: row.locationPrecision },
      violation_types: row.violationTypes,
      victims,
      perpetrators: row.perpetrators.map((p) => ({ type: p.type, name: p.name })),
      legal: row.legal,
      sources: sourceRefs,
      status: 'published' as const,
    };
  }

  referenced() {
    return { organizations: [...this.organizations.values()], persons: [...this.persons.values()], sources: [...this.sources.values()] };
  }
}

/** The export as chunks of JSON text. */
export async function* publicExchangeChunks(filters: PublicFilters, db?: Db, now = new Date()): AsyncGenerator<string> {
  const vocabulary = await publicVocabulary('en', db);
  const terms = (kind: 'violation_type' | 'defender_category' | 'perpetrator_type') =>
    vocabulary.terms
      .filter((term) => term.kind === kind)
      .map((term) => (term.parentCode ? { code: term.code, parent: term.parentCode, labels: term.labels } : { code: term.code, labels: term.labels }));
  const head = {
    format: 'hrd-monitor-exchange',
    version: 1,
    title: 'HRD Monitor public export: published incidents',
    exported_at: now.toISOString(),
    vocabularies: { violation_types: terms('violation_type'), defender_categories: terms('defender_category'), perpetrator_types: terms('perpetrator_type') },
  };
  yield `${JSON.stringify(head).slice(0, -1)},"incidents":[`;
  const builder = new PublicExchangeBuilder();
  let first = true;
  for await (const batch of publicIncidentBatches(filters, 500, db)) {
    const text = batch.map((row) => JSON.stringify(builder.incident(row))).join(',');
    yield first ? text : `,${text}`;
    first = false;
  }
  const { organizations, persons, sources } = builder.referenced();
  yield `],"organizations":${JSON.stringify(organizations)},"persons":${JSON.stringify(persons)},"sources":${JSON.stringify(sources)}}`;
}
