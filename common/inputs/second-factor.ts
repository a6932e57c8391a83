import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import { secondFactorPolicies } from '../values';
import { userText } from './text';

/** What the second-factor procedures accept; the browser's WebAuthn answers are bounded in size and checked in depth by @simplewebauthn/server. */
const maxWebAuthnJson = 16_000;
function isWebAuthnJson(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as { id?: unknown; type?: unknown; response?: unknown };
  return (
    typeof answer.id === 'string' &&
    answer.id.length > 0 &&
    answer.id.length <= 1400 &&
    answer.type === 'public-key' &&
    typeof answer.response === 'object' &&
    answer.response !== null &&
    JSON.stringify(value).length <= maxWebAuthnJson
  );
}
const webAuthnJson = <T>() => z.custom<T>(isWebAuthnJson, 'factor.passkeyAnswer');

export const totpCodeInput = z.object({ code: userText({ required: 'factor.totpRequired' }).trim().regex(/^\d{3}\s?\d{3}$/, 'factor.totpRequired') });

export const secondFactorProofInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp'), code: totpCodeInput.shape.code }),
  z.object({ method: z.literal('recovery_code'), code: userText({ required: 'factor.recoveryCodeRequired' }).trim().min(1).max(40) }),
  z.object({ method: z.literal('passkey'), response: webAuthnJson<AuthenticationResponseJSON>() }),
]);

export const passkeyRegistrationInput = z.object({
  response: webAuthnJson<RegistrationResponseJSON>(),
  label: userText().trim().max(100).optional(),
});

export const passkeyIdInput = z.object({ passkeyId: z.uuid() });

/** An admin sets who in the organization must use a second factor. */
export const secondFactorPolicyInput = z.object({ organizationId: z.uuid(), policy: z.enum(secondFactorPolicies) });
