import type { Translate } from '@/common/i18n';
import { passwordMessageKeys } from '@/common/password-messages';

/** A server refusal of a new password in the person's language; any other message as it came. */
export function translatedPasswordProblem(message: string, t: Translate): string {
  const key = (passwordMessageKeys as Record<string, (typeof passwordMessageKeys)[keyof typeof passwordMessageKeys]>)[message];
  return key ? t(key) : message;
}
