/**
 * English wording of the field problems the shared inputs (common/inputs) state as codes: the form
 * beside the field and the server's formatter word them from here, so no field speaks English alone.
 */
export const fieldProblemsEn = {
  'problem.savedSearch.nameRequired': 'Give the search a name',
  'problem.account.nameRequired': 'Enter the person’s name',
  'problem.account.emailRequired': 'Enter an email address',
  'problem.account.emailFormat': 'Enter an email address such as name@example.org',
  'problem.account.chooseRole': 'Choose a role',
  'problem.link.incomplete': 'The link is not complete',
  'problem.password.required': 'Enter a password',
  'problem.password.tooShort': 'At least 12 characters: a few unrelated words make a strong one',
  'problem.session.passwordRequired': 'Enter your password',
  'problem.factor.totpRequired': 'Enter the six digits from your app',
  'problem.factor.recoveryCodeRequired': 'Enter one of your recovery codes',
  'problem.factor.passkeyAnswer': 'The passkey answer is not valid',
  'problem.audit.dateFormat': 'Enter a date as YYYY-MM-DD',
  'problem.audit.dateFrom1000': 'Enter a date from the year 1000 on',
  'problem.audit.chooseAction': 'Choose an action from the list',
  'problem.audit.choosePerson': 'Choose a person from the list',
  'problem.audit.endBeforeStart': 'The end date is before the start date',
  'problem.bulk.chooseIncidents': 'Select at least one incident',
  'problem.bulk.tooManyIncidents': 'At most {maximum} incidents at a time',
  'problem.bulk.retractReason': 'Say why these incidents are retracted',
  'problem.intervention.chooseKind': 'Choose a kind',
  'problem.legalProvision.articleRequired': 'An article is required',
  'problem.file.erasureReason': 'Say why the file is erased (at least 10 characters), e.g. the erasure request it answers',
  'problem.file.publicTitle': 'Give the public copy a title that names no one who must stay confidential',
  'problem.publicFilter.date': 'A real date written YYYY, YYYY-MM or YYYY-MM-DD',
  'problem.list.outdatedLink': 'This page link is out of date or was changed; start again from the first page',
  'problem.number.recordNumber': 'Not a record number (a whole number from {minimum} to {maximum})',
  'problem.number.versionNumber': 'Not a version of this record (a whole number from {minimum} to {maximum})',
};
