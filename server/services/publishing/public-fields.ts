import 'server-only';
import type { Table } from 'drizzle-orm';
import type {
  caseInterventions,
  caseLegalEvents,
  casePersons,
  caseReviews,
  cases,
  documentedOrganizations,
  incidentPerpetrators,
  incidentReviews,
  incidentVictims,
  incidents,
  legalProvisions,
  organizations,
  persons,
  sources,
  vocabularyTerms,
} from '@/db/schema';

/**
 * The one list of what may leave the workspace: to the public read model, and to the members of
 * another organization an incident is shared with. Both projections (project-fields.ts, called by
 * project-incident.ts and project-case.ts) read this declaration and nothing else: a column that is not declared here never
 * leaves, and tests/unit/public-fields.test.ts walks the Drizzle schema and fails when a column is
 * neither declared nor marked workspace-only.
 *
 * How a field goes out:
 * - copied: as it is (codes, dates, counts, vocabulary terms, the record's random id);
 * - redacted: free text, through the name detector (every protected form replaced by its label);
 * - labelled: a person's name, replaced as a whole by their neutral label when they are protected;
 * - generalized: a place, no finer than its precision (locality dropped below it, coordinates
 *   coarsened), and redacted like text;
 * - droppedIfNamed: an address, which cannot be redacted without breaking it, left out when it
 *   names a protected person (`detector.namesIn`).
 */
export type Treatment = 'copied' | 'redacted' | 'labelled' | 'generalized' | 'droppedIfNamed';

type Columns<T extends Table> = keyof T['$inferSelect'] & string;

/** A table's columns: those that may leave and how, and those that never do. */
export type FieldDeclaration<T extends Table> = {
  out: Partial<Record<Columns<T>, Treatment>>;
  workspaceOnly: readonly Columns<T>[];
};

function declare<T extends Table>() {
  return <D extends FieldDeclaration<T>>(declaration: D) => declaration;
}

// Who entered what and when, versions and review state are the workspace's own bookkeeping.
export const incidentFields = declare<typeof incidents>()({
  out: {
    id: 'copied',
    organizationId: 'copied',
    reviewStatus: 'copied',
    title: 'redacted',
    summary: 'redacted',
    startDate: 'copied',
    endDate: 'copied',
    datePrecision: 'copied',
    country: 'copied',
    region: 'redacted',
    locality: 'generalized',
    lat: 'generalized',
    lon: 'generalized',
    locationPrecision: 'copied',
    violationTypes: 'copied',
    publishedVersion: 'copied',
    // Shown to the organizations an incident is shared with (when it was entered, which version they read).
    version: 'copied',
    createdAt: 'copied',
    updatedAt: 'copied',
  },
  // An exchange ref may carry a name ("larisa-2017"), so it stays in the workspace; so do the staff.
  workspaceOnly: ['ref', 'deletedBy', 'createdBy', 'updatedBy', 'deletedAt'],
});

export const victimFields = declare<typeof incidentVictims>()({
  out: { groupName: 'redacted', count: 'copied', killed: 'copied', injured: 'copied', categories: 'copied' },
  workspaceOnly: ['id', 'incidentId', 'position', 'personId', 'documentedOrganizationId'],
});

export const perpetratorFields = declare<typeof incidentPerpetrators>()({
  out: { typeCode: 'copied', name: 'redacted' },
  workspaceOnly: ['id', 'incidentId', 'position'],
});

export const personFields = declare<typeof persons>()({
  // `confidential` goes out only as whether the name is shown (`protected`).
  out: { name: 'labelled', categories: 'copied', confidential: 'copied' },
  workspaceOnly: ['id', 'organizationId', 'ref', 'aliases', 'gender', 'roleNote', 'version', 'mergedIntoId', 'mergedAt', 'mergedBy', 'createdBy', 'createdAt', 'updatedAt'],
});

export const documentedOrganizationFields = declare<typeof documentedOrganizations>()({
  out: { name: 'redacted' },
  workspaceOnly: ['id', 'organizationId', 'ref', 'aliases', 'acronym', 'kind', 'country', 'version', 'createdBy', 'createdAt', 'updatedAt'],
});

export const sourceFields = declare<typeof sources>()({
  out: { title: 'redacted', publisher: 'redacted', publishedOn: 'copied', referenceCode: 'redacted', url: 'droppedIfNamed' },
  workspaceOnly: ['id', 'organizationId', 'ref', 'kind', 'reliability', 'version', 'createdBy', 'createdAt', 'updatedAt'],
});

export const legalProvisionFields = declare<typeof legalProvisions>()({
  out: { code: 'redacted', article: 'redacted', title: 'redacted' },
  workspaceOnly: ['id'],
});

export const caseFields = declare<typeof cases>()({
  out: { id: 'copied', title: 'redacted', summary: 'redacted', status: 'copied', publishedVersion: 'copied' },
  workspaceOnly: ['organizationId', 'ref', 'reviewStatus', 'version', 'createdBy', 'updatedBy', 'deletedBy', 'createdAt', 'updatedAt', 'deletedAt'],
});

export const casePersonFields = declare<typeof casePersons>()({
  out: { role: 'redacted' },
  workspaceOnly: ['caseId', 'personId', 'position'],
});

export const legalEventFields = declare<typeof caseLegalEvents>()({
  out: { kind: 'copied', date: 'copied', datePrecision: 'copied', court: 'redacted', summary: 'redacted', outcome: 'redacted' },
  // The person goes out through persons (by label); the provisions through legal_provisions.
  workspaceOnly: ['id', 'caseId', 'ref', 'personId', 'version', 'createdBy', 'updatedBy', 'deletedBy', 'createdAt', 'updatedAt', 'deletedAt'],
});

export const interventionFields = declare<typeof caseInterventions>()({
  // `kind` is free text in the exchange format: it may name someone.
  out: { kind: 'redacted', date: 'copied', datePrecision: 'copied', by: 'redacted', referenceCode: 'redacted', summary: 'redacted' },
  // The reply follow-up is the NGO's own monitoring of governments; the source goes out through sources.
  workspaceOnly: ['id', 'caseId', 'ref', 'position', 'sourceId', 'replyDueOn', 'replyReceivedOn', 'version', 'createdBy', 'updatedBy', 'deletedBy', 'createdAt', 'updatedAt', 'deletedAt'],
});

export const organizationFields = declare<typeof organizations>()({
  // The publisher of a public record is the NGO, by name.
  out: { name: 'copied' },
  workspaceOnly: ['id', 'slug', 'createdAt', 'secondFactorPolicy'],
});

export const incidentReviewFields = declare<typeof incidentReviews>()({
  // The date of the publication decision is the public record's publication date; nothing else of the review.
  out: { decidedAt: 'copied' },
  workspaceOnly: ['id', 'incidentId', 'version', 'decision', 'decidedBy', 'comment'],
});

export const caseReviewFields = declare<typeof caseReviews>()({
  out: { decidedAt: 'copied' },
  workspaceOnly: ['id', 'caseId', 'version', 'decision', 'decidedBy', 'comment'],
});

export const vocabularyFields = declare<typeof vocabularyTerms>()({
  // The vocabulary is public: the same words the workspace uses.
  out: { kind: 'copied', code: 'copied', parentCode: 'copied', labels: 'copied' },
  workspaceOnly: ['id'],
});

/** Every declaration, by SQL table name (the schema walk's index). */
export const declaredTables: Record<string, FieldDeclaration<Table>> = {
  incidents: incidentFields,
  incident_victims: victimFields,
  incident_perpetrators: perpetratorFields,
  persons: personFields,
  documented_organizations: documentedOrganizationFields,
  sources: sourceFields,
  legal_provisions: legalProvisionFields,
  cases: caseFields,
  case_persons: casePersonFields,
  case_legal_events: legalEventFields,
  case_interventions: interventionFields,
  organizations: organizationFields,
  incident_reviews: incidentReviewFields,
  case_reviews: caseReviewFields,
  vocabulary_terms: vocabularyFields,
};

/** Tables nothing of which leaves the workspace as such, and why. */
export const workspaceOnlyTables: Record<string, string> = {
  incident_legal_provisions: 'links: the provisions go out through legal_provisions',
  incident_sources: 'links: the sources go out through sources',
  incident_versions: 'history; the published snapshot goes out through the declarations above',
  case_versions: 'history; the published snapshot goes out through the declarations above',
  case_incidents: 'links: an incident goes out as its own public row',
  case_legal_event_provisions: 'links: the provisions go out through legal_provisions',
  person_affiliations: 'links between persons and organizations, never shown outside',
  person_merges: 'the reviewers’ merge trail',
  directory_versions: 'history of corrections to persons, organizations and sources',
  comments: 'discussion among staff',
  incident_shares: 'who shares what with whom',
  notifications: 'staff notices',
  users: 'staff',
  memberships: 'staff',
  sign_in_throttle: 'sign-in protection',
  set_password_links: 'sign-in links',
  audit_log: 'the audit trail',
  sessions: 'sign-in sessions of staff',
  rate_limit_buckets: 'request limits per address and account',
  invitations: 'invitations of staff to organizations',
  account_notices: 'notices to staff about their own accounts',
  totp_factors: 'second factors of staff (sealed secrets)',
  recovery_codes: 'second factors of staff (hashed recovery codes)',
  passkeys: 'second factors of staff (public keys)',
  evidence_files:
    'originals never leave; a public copy (derivative without metadata) goes out through the public_attachments view once a reviewer marked it public, its title passed through the name detector when marked and again each time its record is projected',
  evidence_file_shares: 'which files are shared with which organization',
  organization_file_keys: 'wrapped encryption keys',
  incident_search: 'the workspace search document: the incident’s own workspace text, folded',
  actor_name_keys: 'the folded name keys of persons and organizations, each beside the record’s name, for the workspace’s suggestions',
  search_stale: 'which search rows to rebuild',
  saved_searches: 'staff’s saved list filters, shared within their organization at most',
  unfinished_forms: 'a monitor’s half-filled incident forms, seen by their author only',
};

/** Tables that are themselves the public read model (written only from the declarations above). */
export const publicReadModelTables = ['public_incidents', 'public_incident_exports', 'public_cases', 'public_incident_counts', 'public_incident_counts_state', 'public_place_counts', 'public_place_names'];
