/**
 * Name detector speed: `npm run bench:redaction [-- --count 1000 --chars 20000 --persons 3]`.
 * Publishing N incidents, each with three confidential persons and a 20,000-character summary in
 * Russian, Kazakh and English that names them as people write (declined, transliterated, in
 * capitals). Per incident it times what publication asks of the detector: building it, redacting
 * the title and the summary, and listing what it found (the reviewer's preview). The floor is
 * measured in the same run on the same texts: replacing the exact names and their parts with one
 * regular expression, as the detector did before it knew any other form. Prints figures only.
 */
import { performance } from 'node:perf_hooks';
import { transliterate } from '../server/services/publishing/name-forms/transliterate';
import { nameDetector, type ProtectedName } from '../server/services/publishing/redact-names';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) || fallback : fallback;
};
const count = option('--count', 1000);
const chars = option('--chars', 20_000);
const personCount = option('--persons', 3);
const goalMs = 20;

// A seeded generator, so that two runs time the same texts.
let seed = 20_261_206;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

const firstNames = ['Лариса', 'Айгүл', 'Ерлан', 'Наталья', 'Марат', 'Дана', 'Ержан', 'Асель', 'Нурлан', 'Гүлнара', 'Максат', 'Жанар'];
const surnameStems = ['Харьков', 'Елеусин', 'Кушакба', 'Жакен', 'Сейт', 'Ахмет', 'Бокай', 'Нұрпейіс', 'Исмаил', 'Тоқтар', 'Сапар', 'Қасым'];
const words = [
  'суд', 'приговор', 'задержан', 'полиция', 'профсоюз', 'забастовка', 'митинг', 'штраф', 'арест', 'свидетель', 'адвокат',
  'области', 'районный', 'апелляция', 'обвинение', 'статья', 'уголовного', 'кодекса', 'сотрудники', 'допрос', 'обыск',
  'сот', 'үкім', 'полиция', 'кәсіподақ', 'ереуіл', 'айыппұл', 'тұтқындалды', 'куәгер', 'адвокат', 'облысы', 'аудандық',
  'court', 'verdict', 'detained', 'police', 'union', 'strike', 'protest', 'fine', 'arrest', 'witness', 'lawyer', 'region',
  'appeal', 'charges', 'article', 'criminal', 'code', 'officers', 'questioning', 'search', 'the', 'and', 'of', 'was', 'in',
  'Kharkovsky', 'Мамаев', 'мама', 'Ларионов', 'Касым', 'Алматы', 'Астана', 'Жанаозен', 'Шымкент', 'КНБ', 'OSCE', 'UN',
];

/** Three persons: a name as saved, and the forms a text writes of it. */
function persons(): { protectedName: ProtectedName; forms: string[] }[] {
  return Array.from({ length: personCount }, (_, index) => {
    const first = pick(firstNames);
    const stem = `${pick(surnameStems)}ов`;
    const surname = `${stem}а`;
    const forms = [
      `${first} ${surname}`, `${stem}ой`, `${stem}у`, `${surname}ның`, transliterate(surname, 'bgn'),
      `${transliterate(surname, 'icao').toUpperCase()} ${transliterate(first, 'icao')}`, transliterate(`${stem}ой`, 'kz2021'),
    ];
    return { protectedName: { name: `${first} ${surname}`, label: `Protected person ${index + 1}` }, forms };
  });
}

function text(length: number, forms: string[]): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const next = random() < 0.01 ? pick(forms) : pick(words);
    parts.push(next);
    size += next.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

/** The floor: one regular expression of the exact names and their parts, case-insensitive. */
function exactReplacement(names: ProtectedName[], title: string, summary: string): number {
  const terms = [...new Set(names.flatMap((n) => [n.name, ...n.name.split(/\s+/u)]).map((t) => t.toLocaleLowerCase()))].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const label = names[0]!.label;
  title.replace(pattern, label);
  summary.replace(pattern, label);
  return [...summary.matchAll(pattern)].length;
}

const incidents = Array.from({ length: count }, () => {
  const people = persons();
  const forms = people.flatMap((p) => p.forms);
  return { names: people.map((p) => p.protectedName), title: text(120, forms), summary: text(chars, forms) };
});

function time(run: (incident: (typeof incidents)[number]) => number) {
  const durations: number[] = [];
  let found = 0;
  for (const incident of incidents) {
    const start = performance.now();
    found += run(incident);
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
  return { mean, p50: durations[Math.floor(durations.length * 0.5)]!, p95: durations[Math.floor(durations.length * 0.95)]!, max: durations.at(-1)!, found };
}

const detector = (incident: (typeof incidents)[number]) => {
  const detect = nameDetector(incident.names);
  detect.redact(incident.title);
  detect.redact(incident.summary);
  return detect.find(incident.summary).length;
};
const floor = (incident: (typeof incidents)[number]) => exactReplacement(incident.names, incident.title, incident.summary);

// The first pass of each warms the JIT and the detector's memory of words already folded.
time(floor);
const firstDetectorPass = time(detector);
const floorFigures = time(floor);
const detectorFigures = time(detector);

const ms = (value: number) => `${value.toFixed(2)} ms`;
console.log(`${count} incidents, ${personCount} confidential persons each, summaries of ${chars.toLocaleString('en')} characters`);
console.log(`detector (build + redact title and summary + find): mean ${ms(detectorFigures.mean)}, p50 ${ms(detectorFigures.p50)}, p95 ${ms(detectorFigures.p95)}, max ${ms(detectorFigures.max)}; ${detectorFigures.found} forms found`);
console.log(`  first pass (words not yet folded): mean ${ms(firstDetectorPass.mean)}, p95 ${ms(firstDetectorPass.p95)}`);
console.log(`floor (exact names, one regular expression): mean ${ms(floorFigures.mean)}, p50 ${ms(floorFigures.p50)}, p95 ${ms(floorFigures.p95)}; ${floorFigures.found} exact names found`);
console.log(`ratio detector / floor: ${(detectorFigures.mean / floorFigures.mean).toFixed(1)}×`);
console.log(`goal: under ${goalMs} ms per incident: ${detectorFigures.mean < goalMs ? 'met' : 'NOT met'} (mean), ${detectorFigures.p95 < goalMs ? 'met' : 'NOT met'} (p95)`);
