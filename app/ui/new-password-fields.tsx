import { newPasswordInput } from '@/common/inputs/admin';
import type { Translate } from '@/common/i18n';
import { errorClass, hintClass, inputClass, labelClass } from './styles';

/** Choosing a password, the same wherever a person does it (an admin's one-time link, an invitation). */

export type NewPasswordErrors = { password?: string; repeat?: string; form?: string };

/** The chosen password, or what is wrong with it: too weak by the shared rule, or not repeated the same. */
export function checkNewPassword(data: FormData, t: Translate): { password: string } | { errors: NewPasswordErrors } {
  const password = String(data.get('password') ?? '');
  const checked = newPasswordInput.safeParse(password);
  if (!checked.success) return { errors: { password: checked.error.issues[0]?.message } };
  if (password !== String(data.get('repeat') ?? '')) return { errors: { repeat: t('account.setPassword.mismatch') } };
  return { password };
}

/** The password and its repetition, with the hint and each field's problem tied to it for screen readers. */
export function NewPasswordFields({ errors, t }: { errors: NewPasswordErrors; t: Translate }) {
  return (
    <>
      <div>
        <label htmlFor="password" className={labelClass}>
          {t('account.setPassword.password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          maxLength={200}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={['password-hint', errors.password ? 'password-error' : null].filter(Boolean).join(' ')}
          className={`${inputClass} mt-1`}
        />
        <p id="password-hint" className={hintClass}>
          {t('account.setPassword.hint')}
        </p>
        {errors.password ? (
          <p id="password-error" className={errorClass}>
            {errors.password}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="repeat" className={labelClass}>
          {t('account.setPassword.repeat')}
        </label>
        <input
          id="repeat"
          name="repeat"
          type="password"
          autoComplete="new-password"
          maxLength={200}
          aria-invalid={errors.repeat ? true : undefined}
          aria-describedby={errors.repeat ? 'repeat-error' : undefined}
          className={`${inputClass} mt-1`}
        />
        {errors.repeat ? (
          <p id="repeat-error" className={errorClass}>
            {errors.repeat}
          </p>
        ) : null}
      </div>
    </>
  );
}
