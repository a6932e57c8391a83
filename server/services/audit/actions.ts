/**
 * The actions the audit log records, for the filter of the audit page. Actions written elsewhere
 * later still show in the log (under their own name) until they are added here.
 */
export const auditActions = [
  'user.sign_in',
  'user.sign_in_failed',
  'user.sign_out',
  'user.created',
  'user.deactivated',
  'user.reactivated',
  'user.set_password_link_issued',
  'user.password_set',
  'membership.added',
  'membership.role_changed',
  'membership.removed',
  'exchange.import',
  'exchange.export',
  'incident.submit',
  'incident.approve',
  'incident.requestChanges',
  'incident.publish',
  'incident.retract',
  'incident.delete',
  'incident.restore',
  'incident.share',
  'incident.unshare',
] as const;
