import 'server-only';
/**
 * The words of a web address's path, query and fragment, as a reader of the address would read
 * them: %-encoding decoded (twice encoded too), and "-", "_", "+", ".", "/", "=" and "&" read as
 * spaces, so that …/larisa-kharkova-sentenced or ?q=%D0%A5%D0%B0%D1%80… can be searched like text.
 * Returned as two readings (see below). The host is left out here (it names the publisher); callers
 * also search the address as written, host included.
 */
export function addressWords(url: string): string[] {
  let rest = url.trim();
  const parsed = URL.canParse(rest) ? new URL(rest) : null;
  if (parsed) rest = `${parsed.pathname} ${parsed.search} ${parsed.hash}`;
  rest = rest.replaceAll('+', ' ');
  for (let round = 0; round < 3 && /%[0-9a-f]{2}/iu.test(rest); round += 1) rest = decodePercents(rest);
  const words = rest.replace(/[-_+.~/=&?#:;,!*()[\]'"]+/gu, ' ').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  // Also with digits apart from letters (…/kharkova2017), read both ways since a saved name may hold digits.
  return [words, words.replace(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, ' ')];
}

/** Decodes what decodes; a malformed sequence is left as it is rather than refusing the address. */
function decodePercents(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/giu, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
