import 'server-only';
/**
 * "Add person" is an invitation now (issue 13: pre-hijacking across organizations). An admin used to
 * be able to set a first password, and to attach an existing account directly; both let an admin of
 * one organization sign in as a member of another. See ./invitations.ts.
 */
export { invite as createUser, type IssuedInvitation as CreatedUser } from './invitations';
