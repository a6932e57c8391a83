import { date, doublePrecision, text } from 'drizzle-orm/pg-core';
import { datePrecisionEnum, locationPrecisionEnum } from './enums';

// Apart from db/schema/columns.ts: the public read model imports this, and nothing of the workspace's tables.

/** What an incident says happened, when and where: the same in the workspace and in the public read model. */
export function incidentFacts() {
  return {
    title: text('title').notNull(),
    summary: text('summary'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    datePrecision: datePrecisionEnum('date_precision').notNull(),
    country: text('country').notNull(),
    region: text('region'),
    locality: text('locality'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    locationPrecision: locationPrecisionEnum('location_precision').notNull(),
    violationTypes: text('violation_types').array().notNull(),
  };
}
