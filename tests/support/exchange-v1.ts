import type { ExchangeDocument } from '@/server/services/exchange/document';

/** The same collection as a version 1 file: without what version 2 added (case persons, legal events, intervention refs, precision and reply dates, aliases, attachments). */
export function asVersion1(doc: ExchangeDocument): ExchangeDocument {
  const copy = structuredClone(doc);
  copy.version = 1;
  for (const person of copy.persons ?? []) delete person.aliases;
  for (const organization of copy.organizations ?? []) delete organization.aliases;
  for (const incident of copy.incidents) delete incident.attachments;
  for (const record of copy.cases ?? []) {
    delete record.persons;
    delete record.legal_events;
    for (const intervention of record.interventions ?? []) {
      delete intervention.ref;
      delete intervention.precision;
      delete intervention.reply_due_on;
      delete intervention.reply_received_on;
    }
  }
  return copy;
}
