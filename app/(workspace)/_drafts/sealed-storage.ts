/**
 * Local form drafts, sealed with AES-GCM under the session's draft key (session.draftKey). The
 * browser keeps only ciphertext: a draft outlives a reload or a closed tab, but not the session,
 * and sign-out erases them all. Every entry carries the account id, so a colleague signing in on
 * the same browser never sees another person's draft offered.
 */
const prefix = 'hrd-draft:';
const rememberedPrefix = 'hrd-choices:';

type Sealed = { iv: string; data: string; savedAt: number };

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const fromBase64Url = (text: string) => fromBase64(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));

export function importDraftKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64Url(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

const storageKey = (accountId: string, formKey: string) => `${prefix}${accountId}:${formKey}`;

export async function sealDraft(key: CryptoKey, accountId: string, formKey: string, value: unknown): Promise<void> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  const sealed: Sealed = { iv: toBase64(iv), data: toBase64(data), savedAt: Date.now() };
  try {
    localStorage.setItem(storageKey(accountId, formKey), JSON.stringify(sealed));
  } catch {
    // A full or disabled storage costs the draft, never the form.
  }
}

/** The draft and when it was saved, or null (none, another session's, or damaged: then it is dropped). */
export async function openDraft<T>(key: CryptoKey, accountId: string, formKey: string): Promise<{ value: T; savedAt: number } | null> {
  const stored = localStorage.getItem(storageKey(accountId, formKey));
  if (!stored) return null;
  try {
    const sealed = JSON.parse(stored) as Sealed;
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.data));
    return { value: JSON.parse(new TextDecoder().decode(plain)) as T, savedAt: sealed.savedAt };
  } catch {
    // Sealed under an earlier session's key: it can never be read again.
    localStorage.removeItem(storageKey(accountId, formKey));
    return null;
  }
}

export function dropDraft(accountId: string, formKey: string): void {
  localStorage.removeItem(storageKey(accountId, formKey));
}

/**
 * At sign-out: every draft in this browser, whoever's, and the remembered choices too (./remembered.ts:
 * a source's title may name someone, and a laptop signed out of should hold nothing of the work).
 */
export function eraseAllDrafts(): void {
  for (const name of Object.keys(localStorage)) if (name.startsWith(prefix) || name.startsWith(rememberedPrefix)) localStorage.removeItem(name);
}
