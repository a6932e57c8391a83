import 'server-only';
/**
 * Which words of a protected person's name are protected on their own. Records of people whose name
 * is not known are descriptive ("Husband of the KNPRK press secretary", "Vladimir (son of Larisa
 * Kharkova)"): redacting "the", an organization's acronym or the public mother named in brackets
 * would garble every public text without protecting anyone, since the description as a whole is
 * still replaced wherever it appears. Role words ("Witness Aigul Zhakenova") do not make the rest of
 * the name less of a name.
 */

/** Words that describe a relation or a role rather than name someone (English, Russian, Kazakh). */
const roleWords = [
  'husband', 'wife', 'son', 'daughter', 'brother', 'sister', 'mother', 'father', 'relative', 'child', 'children',
  'witness', 'unknown', 'unnamed', 'anonymous', 'member', 'members', 'lawyer', 'journalist', 'activist', 'defender',
  'victim', 'defendant', 'accused', 'suspect', 'detainee', 'prisoner', 'head', 'chair', 'chairman', 'chairwoman',
  'director', 'deputy', 'secretary', 'press', 'leader', 'editor', 'blogger', 'protected', 'person', 'people',
  'mr', 'mrs', 'ms', 'dr', 'miss', 'sir', 'madam', 'family', 'friend', 'colleague', 'worker', 'teacher', 'student',
  'муж', 'жена', 'сын', 'дочь', 'брат', 'сестра', 'мать', 'отец', 'родственник', 'родственница', 'свидетель', 'свидетельница',
  'неизвестный', 'неизвестная', 'адвокат', 'журналист', 'журналистка', 'активист', 'активистка', 'правозащитник',
  'правозащитница', 'потерпевший', 'потерпевшая', 'обвиняемый', 'обвиняемая', 'подсудимый', 'подсудимая',
  'подозреваемый', 'подозреваемая', 'глава', 'председатель', 'директор', 'заместитель', 'секретарь', 'пресс',
  'лидер', 'редактор', 'блогер', 'член', 'господин', 'госпожа', 'гражданин', 'гражданка', 'семья', 'друг', 'коллега',
  'күйеуі', 'әйелі', 'ұлы', 'қызы', 'ағасы', 'інісі', 'әпкесі', 'анасы', 'әкесі', 'куәгер', 'адвокаты', 'журналист',
  'белсенді', 'құқық', 'қорғаушы', 'жәбірленуші', 'айыпталушы', 'сотталушы', 'төраға', 'басшы', 'хатшы', 'мүшесі',
  'мырза', 'ханым', 'отбасы', 'досы', 'туысы',
];

/** Words too common to protect on their own in any name (English, Russian, Kazakh; name particles). */
const stopWords = [
  'the', 'and', 'for', 'with', 'from', 'who', 'whose', 'his', 'her', 'their', 'was', 'were', 'not', 'all', 'one', 'two',
  'three', 'of', 'van', 'von', 'der', 'den', 'del', 'des', 'bin', 'ibn', 'ben', 'abu', 'ulu', 'kyzy', 'uly', 'qyzy',
  'что', 'как', 'это', 'его', 'она', 'они', 'для', 'над', 'под', 'при', 'про', 'без', 'или', 'который', 'которая',
  'которого', 'один', 'одна', 'два', 'три', 'оглы', 'кызы', 'улы',
  'және', 'мен', 'бен', 'пен', 'үшін', 'туралы', 'бойынша', 'осы', 'бұл', 'ол', 'олар', 'бір', 'екі', 'үш',
];

const neverAlone = new Set([...roleWords, ...stopWords]);

/** Whether a word is a role or stop word, in any capitalisation. */
export function isRoleOrStopWord(word: string): boolean {
  return neverAlone.has(word.toLocaleLowerCase());
}

/** A name written the usual way: a capital then small letters (Aigul, Қасымұлы, O'Brien). */
const capitalised = /^\p{Lu}[\p{Ll}\p{M}'’]+$/u;
/** A surname written in capitals, as UN documents do (KHARKOVA); an acronym (KNPRK, OSCE) has too few vowels or letters. */
function nameInCapitals(word: string): boolean {
  if (!/^[\p{Lu}\p{M}'’]+$/u.test(word) || word.length < 5) return false;
  const vowelCount = (word.match(/[AEIOUYАЕЁИОУЫЭЮЯӘӨҰҮІ]/gu) ?? []).length;
  return vowelCount >= 2;
}

/** The words of a name of three letters or more, outside brackets (what is in brackets describes, not names). */
function words(name: string): string[] {
  return name
    .replace(/\([^)]*\)|\[[^\]]*\]/gu, ' ')
    .split(/[\s\-‐,;:/]+/u)
    .map((part) => part.replace(/^[.'’"«»“”]+|[.'’"«»“”]+$/gu, ''))
    .filter((part) => [...part].length >= 3);
}

/** The parts of one spelling of a name that are protected on their own. */
export function protectedParts(name: string): string[] {
  const all = words(name);
  const candidates = all.filter((part) => !isRoleOrStopWord(part));
  // A plain name ("KHARKOVA Larisa", "Ержан Елшибаев", or all in small letters as typed in a hurry): every part.
  const capitals = all.filter((part) => /^\p{Lu}/u.test(part)).length;
  const descriptive = candidates.length < all.length || (capitals > 0 && capitals < all.length);
  if (!descriptive) return candidates;
  // A description ("Witness Aigul ZHAKENOVA", "Husband of the KNPRK press secretary"): what looks like a name in it.
  return candidates.filter((part) => capitalised.test(part) || nameInCapitals(part));
}
