import 'server-only';
import { incidents } from '@/db/schema';

/** How a list names an incident: its ref and title, when it happened, and where it stands in review. */
export const incidentHeadlineColumns = {
  id: incidents.id,
  ref: incidents.ref,
  title: incidents.title,
  startDate: incidents.startDate,
  endDate: incidents.endDate,
  datePrecision: incidents.datePrecision,
  status: incidents.reviewStatus,
};

/** An incident as the incident list shows it, and as its export writes it: the headline, where it happened, what was violated. */
export const incidentListColumns = {
  ...incidentHeadlineColumns,
  country: incidents.country,
  region: incidents.region,
  locality: incidents.locality,
  violationTypes: incidents.violationTypes,
};
