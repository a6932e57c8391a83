import { isLocale, translator, type Locale, type Translate } from '../common/i18n';
import { EmbeddedDatabaseInUseError } from '../db/embedded-lock';

/**
 * The operator's language for what a command prints: HRD_LANG ("ru", "kk", "en"), else the usual
 * locale variables of the shell (LC_ALL, LC_MESSAGES, LANG: "ru_RU.UTF-8" is Russian), else English.
 */
export function operatorLocale(env: Record<string, string | undefined> = process.env): Locale {
  // The first one set decides, as LC_ALL overrides LANG for every program: "C.UTF-8" means English.
  const setting = ['HRD_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG'].map((name) => env[name]?.trim()).find(Boolean);
  const language = setting?.slice(0, 2).toLowerCase();
  return isLocale(language) ? language : 'en';
}

/** `say(key, params)`: a command's line in the operator's language. */
export const operatorLanguage: Locale = operatorLocale();
export const say: Translate = translator(operatorLanguage);

/** A refusal every command that opens the database may meet, in the operator's language; null for any other error. */
export function sharedRefusal(error: unknown): string | null {
  if (error instanceof EmbeddedDatabaseInUseError) return say('cli.embeddedInUse', { folder: error.folder, pid: error.pid });
  return null;
}
