import 'server-only';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import type { z } from 'zod';
import { passwordMessages } from '@/common/password-messages';

/**
 * How strong a new password is, offline: no composition rules, only length (12, in the input
 * schema), an estimate of how many guesses it takes (zxcvbn-ts with its common and English
 * dictionaries) and the list of the most common passwords from breaches that
 * @zxcvbn-ts/language-common ships (about 49,000). No Russian dictionary for zxcvbn-ts is published,
 * so the words people here reach for first are added by hand below, in Cyrillic and in Latin letters.
 */
const localWords = [
  'пароль', 'parol', 'gfhjkm', 'привет', 'privet', 'ghbdtn', 'любовь', 'lyubov', 'солнышко', 'solnyshko',
  'москва', 'moskva', 'россия', 'rossiya', 'казахстан', 'kazakhstan', 'qazaqstan', 'алматы', 'almaty',
  'астана', 'astana', 'нурсултан', 'nursultan', 'караганда', 'karaganda', 'шымкент', 'shymkent',
  'свобода', 'svoboda', 'правда', 'pravda', 'защита', 'zashchita', 'правозащитник', 'pravozashchitnik',
  'мамамама', 'папа', 'наташа', 'natasha', 'максим', 'maksim', 'айгерим', 'aigerim', 'ерлан', 'yerlan',
  'сәлем', 'salem', 'рахмет', 'rakhmet', 'махаббат', 'mahabbat', 'йцукен', 'йцукенгшщзхъ', 'фывапролдж',
];

/** Score 3 of 4: "safely unguessable", about 10^8 guesses or more. */
const minimumScore = 3;

let checker: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

function strength(): { checker: ZxcvbnFactory; commonPasswords: Set<string> } {
  // Built once, on first use: the dictionaries take a moment to load.
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, localWords },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  commonPasswords ??= new Set((common.dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return { checker, commonPasswords };
}

/** Why a new password is refused, or null. `related`: the person's email and name, which make poor passwords too. */
export function passwordProblem(password: string, related: string[] = []): keyof typeof passwordMessages | null {
  const { checker, commonPasswords } = strength();
  if (commonPasswords.has(password.toLowerCase())) return 'common';
  return checker.check(password, related).score < minimumScore ? 'weak' : null;
}

/** The schema with its `password` checked for strength, with a field message the forms translate. */
export function withStrongPassword<T extends z.ZodType<{ password: string }>>(schema: T) {
  return schema.superRefine((value, context) => {
    const problem = passwordProblem(value.password);
    if (problem) context.addIssue({ code: 'custom', path: ['password'], message: passwordMessages[problem] });
  });
}
