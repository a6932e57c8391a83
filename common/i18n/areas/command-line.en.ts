/**
 * English wording of what the commands (cli/) print for the operator, in the operator's language
 * (HRD_LANG, else LANG; see cli/language.ts). Hashes, ids, file paths and JSON pointers stay as they are.
 */
export const commandLineEn = {
  'cli.audit.whole': 'Audit chain whole: {rows} rows',
  'cli.audit.reanchored': '(the oldest {rows} rows predate the audit key and were re-anchored under it)',
  'cli.audit.lastHash': 'Last hash: {hash}',
  'cli.audit.brokenAt': 'Audit chain broken at row {id} (position {position}; the {rows} rows before it are whole).',
  'cli.audit.changed': 'Row {id} (position {position}) was changed after it was written: its stored hash is not the hash of what it holds now (time, actor, action, organization, subject or details).',
  'cli.audit.changedOrUnkeyed': 'Row {id} (position {position}) was changed after it was written: its stored hash is not the hash of what it holds now (time, actor, action, organization, subject or details), or it was written without the audit key.',
  'cli.audit.gap': 'Row {id} (position {position}) does not follow row {previousId}: its previous_hash is not row {previousId}’s hash. A row between them was removed, or row {previousId} was changed and its hash recomputed.',
  'cli.audit.olderRemoved': 'Row {id}, the oldest row present, does not start the chain: its previous_hash is not the chain’s start. Older rows were removed.',
  'cli.audit.unkeyedAfterKeyed': 'Row {id} (position {position}) carries no keyed hash although rows before it do: it was written by someone without the audit key.',
  'cli.audit.keyMissing': 'Row {id} (position {position}) was signed with audit key {keyId}, which was not given (AUDIT_KEY or AUDIT_KEY_FILE): it cannot be checked.',
  'cli.audit.notReanchor': 'Row {id} (position {position}) is the first keyed row but not the re-anchoring row: the rows before it were not put under the key as the upgrade does.',
  'cli.audit.noKeyedRow': 'No row of the audit log is keyed: run `npm run db:migrate` to put the chain under the audit key, or the log was rewritten by someone without the key.',
  'cli.audit.storedHash': '  stored hash:               {hash}',
  'cli.audit.heldHash': '  hash of what it holds now: {hash}',
  'cli.audit.previousHash': '  its previous_hash:         {hash}',
  'cli.audit.rowBeforeHash': '  hash of the row before it: {hash}',
  'cli.audit.anchorHolds': 'Everything the anchor {file} ({takenAt}, {rows} rows) saw is still there.',
  'cli.audit.anchorRowGone': 'Row {id}, the newest row when the anchor was taken ({takenAt}), is gone: rows were removed after the anchor.',
  'cli.audit.anchorRowRewritten': 'Row {id} no longer has the hash it had when the anchor was taken ({takenAt}): the chain up to it was rewritten.',
  'cli.audit.anchorRowCount': 'The anchor ({takenAt}) saw {rows} rows up to row {id}; there are {now} now.',
  'cli.audit.anchorFileMissing': 'Give the anchor file after --anchor.',
  'cli.audit.notAnAnchor': '{file} is not an anchor written by npm run audit:anchor.',
  'cli.audit.noLog': 'This database has no audit log yet: run `npm run db:migrate` first.',
  'cli.audit.couldNotCheck': 'Could not check the audit log: {error}',
  'cli.audit.noAnchorWritten': 'No anchor written: the chain is broken.',
  'cli.audit.anchorWritten': 'Anchor of {rows} rows written to {file}. Keep a copy where the server cannot reach it.',
  'cli.audit.couldNotAnchor': 'Could not take an anchor: {error}',
};
