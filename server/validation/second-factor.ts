import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import { userText } from './text';

/** What the second-factor procedures accept; the browser's WebAuthn answers are bounded in size and checked in depth by @simplewebauthn/server. */
const maxWebAuthnJson = 16_000;
const webAuthnJson = <T>() =>
  z
    .looseObject({ id: z.string().min(1).max(1400), rawId: z.string().max(1400), type: z.literal('public-key'), response: z.looseObject({}) })
    .refine((value) => JSON.stringify(value).length <= maxWebAuthnJson, 'The passkey answer is too large')
    .transform((value) => value as unknown as T);

export const totpCodeInput = z.object({ code: userText({ required: 'Enter the six digits from your app' }).trim().regex(/^\d{3}\s?\d{3}$/, 'Enter the six digits from your app') });

export const secondFactorProofInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp'), code: totpCodeInput.shape.code }),
  z.object({ method: z.literal('recovery_code'), code: userText({ required: 'Enter one of your recovery codes' }).trim().min(1).max(40) }),
  z.object({ method: z.literal('passkey'), response: webAuthnJson<AuthenticationResponseJSON>() }),
]);

export const passkeyRegistrationInput = z.object({
  response: webAuthnJson<RegistrationResponseJSON>(),
  label: userText().trim().max(100).optional(),
});

export const passkeyIdInput = z.object({ passkeyId: z.uuid() });
