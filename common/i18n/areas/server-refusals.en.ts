/**
 * English wording of refusals that services, the file routes and the command line used to write as
 * sentences of their own. They are problem codes now (server/errors.ts); the reader's side words them.
 */
export const serverRefusalsEn = {
  'problem.server.failed': 'Something went wrong on the server. Please try again.',
  'problem.field.refusedByDatabase': 'One of the values given cannot be saved or searched for as it is (check dates, numbers and pasted text).',
  'problem.limits.searches': 'Too many searches in a short time; try again in {seconds} s.',
  'problem.savedSearch.tooMany': 'You keep {maximum} saved searches at most: remove one first.',
  'problem.file.notPreviewable': 'This kind of file cannot be previewed; download it instead.',
  'problem.intervention.stale': 'Someone else changed or removed this intervention while you were editing it (you edited version {version}). Reload the case, then make your change again.',
  'problem.legalEvent.stale': 'Someone else changed or removed this legal event while you were editing it (you edited version {version}). Reload the case, then make your change again.',
  'problem.review.cannotSubmitNow': 'This entry cannot be submitted now: only a draft or an entry returned for changes goes to review. Reload it to see its state.',
  'problem.review.cannotRequestChangesNow': 'This entry cannot be returned for changes now: it is not waiting for a review decision. Reload it to see its state.',
  'problem.review.cannotApproveNow': 'This entry cannot be approved now: it is not waiting for a review decision. Reload it to see its state.',
  'problem.review.cannotPublishNow': 'This entry cannot be published now: only an approved entry is published. Reload it to see its state.',
  'problem.review.nothingToRetract': 'No version of this entry is public: there is nothing to retract. Reload it to see its state.',
  'problem.directory.personStale': 'Someone else saved this person while you were editing it (you edited version {version}; it is now at version {current}). Reload to see their changes, then make yours again.',
  'problem.directory.organizationStale': 'Someone else saved this organization while you were editing it (you edited version {version}; it is now at version {current}). Reload to see their changes, then make yours again.',
  'problem.directory.sourceStale': 'Someone else saved this source while you were editing it (you edited version {version}; it is now at version {current}). Reload to see their changes, then make yours again.',
  'problem.person.mergeIntoItself': 'A person record cannot be merged into itself. Choose the other record of this person.',
  'problem.person.alreadyMerged': 'One of these records has already been merged into another one. Reload it: its page links to the record that remains.',
  'problem.person.mergeStaleRemaining': 'The record that remains changed while you were comparing the two (you saw version {version}; it is now at version {current}). Reload both records and check them again before merging.',
  'problem.person.mergeStaleDuplicate': 'The duplicate record changed while you were comparing the two (you saw version {version}; it is now at version {current}). Reload both records and check them again before merging.',
  // The command line's import and export (cli/): said in English there, worded here like every other refusal.
  'problem.exchange.noOrganization': 'No organization exists yet. Name one with --org <slug>.',
  'problem.exchange.noOrganizationImport': 'No organization exists yet. Name one with --org <slug> and the import creates it.',
  'problem.exchange.severalOrganizations': 'There are several organizations ({slugs}). Name one with --org <slug>.',
  'problem.exchange.unknownOrganization': 'No organization with the slug “{slug}”.',
  'problem.exchange.badSlug': '“{slug}” cannot be an organization slug: use lower-case letters, digits and hyphens.',
  'problem.exchange.importerDeactivated': 'The importing user’s account is deactivated.',
  'problem.exchange.publishedNoImporter':
    'The file marks incidents published or approved ({count}; first: {first}). Such records are published on behalf of the reviewer or admin who imports them, and no importing user was named. Import it as a reviewer or admin of this organization, or mark those incidents as drafts or submitted in the file.',
  'problem.exchange.publishedByMonitor':
    'The file marks incidents published or approved ({count}; first: {first}). Such records are published on behalf of the reviewer or admin who imports them, and the importing user is a monitor. Import it as a reviewer or admin of this organization, or mark those incidents as drafts or submitted in the file.',
  'problem.exchange.publishedByNonMember':
    'The file marks incidents published or approved ({count}; first: {first}). Such records are published on behalf of the reviewer or admin who imports them, and the importing user is not a member of this organization. Import it as a reviewer or admin of this organization, or mark those incidents as drafts or submitted in the file.',
};
