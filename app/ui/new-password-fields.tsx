import { newPasswordInput } from '@/common/inputs/admin';
import type { Translate } from '@/common/i18n';
import { sayIssue } from '@/common/inputs/problems';
import { TextField } from './text-field';

/** Choosing a password, the same wherever a person does it (an admin's one-time link, an invitation). */

export type NewPasswordErrors = { password?: string; repeat?: string; form?: string };

/** The chosen password, or what is wrong with it: too weak by the shared rule, or not repeated the same. */
export function checkNewPassword(data: FormData, t: Translate): { password: string } | { errors: NewPasswordErrors } {
  const password = String(data.get('password') ?? '');
  const checked = newPasswordInput.safeParse(password);
  if (!checked.success) return { errors: { password: sayIssue(t, checked.error.issues[0]!) } };
  if (password !== String(data.get('repeat') ?? '')) return { errors: { repeat: t('account.setPassword.mismatch') } };
  return { password };
}

/** The password and its repetition, with the hint and each field's problem tied to it for screen readers. */
export function NewPasswordFields({ errors, t }: { errors: NewPasswordErrors; t: Translate }) {
  return (
    <>
      <TextField id="password" name="password" type="password" autoComplete="new-password" maxLength={200} label={t('account.setPassword.password')} hint={t('account.setPassword.hint')} error={errors.password} />
      <TextField id="repeat" name="repeat" type="password" autoComplete="new-password" maxLength={200} label={t('account.setPassword.repeat')} error={errors.repeat} />
    </>
  );
}
