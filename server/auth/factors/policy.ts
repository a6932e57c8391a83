import 'server-only';
import type { Role, SecondFactorPolicy } from '@/common/values';

/** Whether an organization's policy asks a member with this role for a second factor. */
export function policyRequires(policy: SecondFactorPolicy, role: Role): boolean {
  if (policy === 'everyone') return true;
  if (policy === 'reviewers_and_admins') return role === 'reviewer' || role === 'admin';
  return false;
}
