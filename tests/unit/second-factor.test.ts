import { generate, generateSecret } from 'otplib';
import { describe, expect, it } from 'vitest';
import { relyingParty } from '@/server/auth/factors/relying-party';
import { newRecoveryCode, normalizeRecoveryCode } from '@/server/auth/factors/recovery-codes';
import { policyRequires } from '@/server/auth/factors/policy';
import { open, seal } from '@/server/auth/factors/secret-box';
import { matchingStep, totpPeriodSeconds } from '@/server/auth/factors/totp';

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);

describe('TOTP codes', () => {
  it('match the step they belong to, one step either side of now, and nothing older', async () => {
    const secret = generateSecret();
    const now = Math.floor(Date.now() / 1000);
    const step = Math.floor(now / totpPeriodSeconds);
    expect(await matchingStep(secret, await generate({ secret, epoch: now }))).toBe(step);
    expect(await matchingStep(secret, await generate({ secret, epoch: now + totpPeriodSeconds }))).toBe(step + 1);
    expect(await matchingStep(secret, await generate({ secret, epoch: now - 3 * totpPeriodSeconds }))).toBeNull();
  });

  it('forgive a space in the middle and refuse anything that is not six digits', async () => {
    const secret = generateSecret();
    const code = await generate({ secret });
    expect(await matchingStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`)).not.toBeNull();
    expect(await matchingStep(secret, 'abcdef')).toBeNull();
    expect(await matchingStep(secret, `${code}0`)).toBeNull();
  });
});

describe('recovery codes', () => {
  it('are ten letters and digits without look-alikes, in two groups of five, and differ', () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(new Set(codes).size).toBe(50);
  });

  it('read the same whatever the case, spaces or dashes', () => {
    expect(normalizeRecoveryCode('ABCDE FGHJK')).toBe('abcde-fghjk');
    expect(normalizeRecoveryCode(' abcdefghjk ')).toBe('abcde-fghjk');
    expect(normalizeRecoveryCode('abcde-fghjk')).toBe('abcde-fghjk');
  });
});

describe('the sealed TOTP secret', () => {
  it('opens only under its key and for its own account', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', 'totp:one', keyA);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(sealed, 'totp:one', keyA)).toEqual({ plain: 'JBSWY3DPEHPK3PXP', stale: false });
    expect(open(sealed, 'totp:two', keyA)).toBeNull();
    expect(open(sealed, 'totp:one', keyB)).toBeNull();
  });

  it('still opens after a master-key rotation, marked stale so that it is sealed again', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', 'totp:one', keyA);
    const before = process.env.FILES_MASTER_KEY_PREVIOUS;
    process.env.FILES_MASTER_KEY_PREVIOUS = keyA.toString('base64');
    try {
      expect(open(sealed, 'totp:one', keyB)).toEqual({ plain: 'JBSWY3DPEHPK3PXP', stale: true });
    } finally {
      if (before === undefined) delete process.env.FILES_MASTER_KEY_PREVIOUS;
      else process.env.FILES_MASTER_KEY_PREVIOUS = before;
    }
  });
});

describe('who must use a second factor', () => {
  it('follows the organization’s rule and the member’s role', () => {
    expect(policyRequires('nobody', 'admin')).toBe(false);
    expect(policyRequires('reviewers_and_admins', 'monitor')).toBe(false);
    expect(policyRequires('reviewers_and_admins', 'reviewer')).toBe(true);
    expect(policyRequires('reviewers_and_admins', 'admin')).toBe(true);
    expect(policyRequires('everyone', 'monitor')).toBe(true);
  });
});

describe('the relying party of passkeys', () => {
  it('is the configured origin and its host name', () => {
    expect(relyingParty({ NEXTAUTH_URL: 'https://monitor.example.org/' })).toMatchObject({ id: 'monitor.example.org', origin: 'https://monitor.example.org' });
    expect(relyingParty({ NEXTAUTH_URL: 'http://127.0.0.1:3100', WEBAUTHN_ORIGIN: 'http://localhost:3100' })).toMatchObject({ id: 'localhost', origin: 'http://localhost:3100' });
  });
});
