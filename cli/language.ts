import { isLocale, translator, type Locale, type Translate } from '../common/i18n';
import { sayProblem } from '../common/i18n/problems';
import { EmbeddedDatabaseInUseError } from '../db/embedded-lock';
import { DomainError } from '../server/errors';

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

/**
 * A refusal any command may meet, in the operator's language: the embedded database open elsewhere,
 * or a domain error (server/errors.ts: no such organization, …) by its problem code; null for any other error.
 */
export function sharedRefusal(error: unknown): string | null {
  if (error instanceof EmbeddedDatabaseInUseError) return say('cli.embeddedInUse', { folder: error.folder, pid: error.pid });
  if (error instanceof DomainError) return sayProblem(say, error.problem.code, error.problem.params);
  return null;
}
