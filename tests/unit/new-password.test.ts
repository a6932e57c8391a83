import { describe, expect, it } from 'vitest';
import { checkNewPassword } from '@/app/ui/new-password-fields';
import { translator } from '@/common/i18n';

const t = translator('en');
const form = (password: string, repeat: string) => {
  const data = new FormData();
  data.set('password', password);
  data.set('repeat', repeat);
  return data;
};

describe('choosing a new password (one rule for the one-time link and the invitation)', () => {
  it('gives the password back when it is long enough and repeated the same', () => {
    expect(checkNewPassword(form('correct horse battery', 'correct horse battery'), t)).toEqual({ password: 'correct horse battery' });
  });

  it('says what is wrong with a short password, on the password field', () => {
    const checked = checkNewPassword(form('short', 'short'), t);
    expect(checked).toEqual({ errors: { password: expect.stringContaining('12') } });
  });

  it('says the repetition differs, on the repeat field', () => {
    expect(checkNewPassword(form('correct horse battery', 'correct horse batteries'), t)).toEqual({ errors: { repeat: t('account.setPassword.mismatch') } });
  });
});
