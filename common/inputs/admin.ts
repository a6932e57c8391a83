import { z } from 'zod';
import { roles } from '../values';
import { userText } from './text';

/** Inputs of the admin procedures, shared by the forms (which check with the same schemas) and the router. */

export const roleInput = z.enum(roles, 'account.chooseRole');

/** A password someone chooses now (sign-in accepts any length, for accounts made before this rule). */
export const newPasswordInput = userText({ required: 'password.required' })
  .min(12, 'password.tooShort')
  .max(200);

/**
 * Adding a person is an invitation (server/services/admin/invitations.ts): the admin gives a name,
 * an email and a role, never a password.
 */
export const createUserInput = z.object({
  organizationId: z.uuid(),
  name: userText({ required: 'account.nameRequired' }).trim().min(1, 'account.nameRequired').max(200),
  email: userText({ required: 'account.emailRequired' }).trim().toLowerCase().email('account.emailFormat').max(320),
  role: roleInput,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

/** A member of an organization, as the admin acts on them in that organization. */
export const memberInput = z.object({ organizationId: z.uuid(), userId: z.uuid() });

/** `currentRole` is the role the admin saw: if it changed meanwhile, the change is refused (CONFLICT). */
export const changeRoleInput = memberInput.extend({ currentRole: roleInput, role: roleInput });
export const removeMemberInput = memberInput.extend({ currentRole: roleInput });

export const setPasswordWithLinkInput = z.object({
  token: userText().trim().min(1, 'link.incomplete').max(200, 'link.incomplete'),
  password: newPasswordInput,
});

/** The invitation link's token: the person chooses a password with it, or accepts it signed in. */
export const invitationTokenInput = z.object({ token: userText().trim().min(1, 'link.incomplete').max(200, 'link.incomplete') });
export const joinWithInvitationInput = invitationTokenInput.extend({ password: newPasswordInput });
export const invitationInput = z.object({ organizationId: z.uuid(), invitationId: z.uuid() });
