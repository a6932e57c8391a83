/**
 * Whether a public answer holds a canary, however the answer wrote it: as is, in other capitals
 * (a page may show a name in capitals), or escaped (JSON's \u041d, HTML's &#1053; or &#x41D;, %-encoding
 * in a link). Used by the leak test on every public API answer and by the e2e crawl on every page and
 * RSC payload, so that a confidential name cannot slip through by being written differently.
 */
export function canariesIn(body: string, canaries: Record<string, string>): string[] {
  const readings = [body, unescape(body)].map((text) => text.toLocaleLowerCase());
  return Object.entries(canaries).flatMap(([token, what]) => {
    const wanted = token.toLocaleLowerCase();
    return readings.some((text) => text.includes(wanted)) ? [what] : [];
  });
}

function unescape(body: string): string {
  const decoded = body
    .replace(/\\u([0-9a-f]{4})/giu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#x([0-9a-f]+);/giu, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/gu, (_, digits: string) => String.fromCodePoint(Number(digits)));
  return decoded.replace(/(?:%[0-9a-f]{2})+/giu, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
