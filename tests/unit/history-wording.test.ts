import { describe, expect, it } from 'vitest';
import { translator, type Locale } from '@/common/i18n';
import { diffSnapshots } from '@/server/services/incidents/diff';
import type { IncidentSnapshot } from '@/server/services/incidents/snapshot';
import { diffCaseSnapshots } from '@/server/services/cases/diff';
import type { CaseSnapshot } from '@/server/services/cases/snapshot';
import { incidentWording } from '@/app/(workspace)/incidents/change-table';
import { caseWording } from '@/app/(workspace)/cases/_parts/change-table';
import type { Change, ChangeWording } from '@/app/(workspace)/review/change-table';
import { englishValueWordsIn } from '../support/english-sentences';

/**
 * The history and the review queue word what changed in the reader's language: the diff hands over
 * values and the page words them. The records here are written in Russian, so whatever Latin letters
 * a Russian or Kazakh reading holds were put there by the wording (the country code KZ aside).
 */

const labels: Record<Locale, Record<string, string>> = {
  en: { arbitrary_detention: 'Arbitrary detention', police: 'Police' },
  ru: { arbitrary_detention: 'Произвольное задержание', police: 'Полиция' },
  kk: { arbitrary_detention: 'Заңсыз ұстау', police: 'Полиция' },
};
const labeller = (locale: Locale) => (code: string) => labels[locale][code] ?? code;

/** A version saved long ago: its region written in words, a provision's missing code as ''. */
const before = {
  ref: 'inc:1',
  title: 'Забастовка нефтяников',
  summary: null,
  status: 'published',
  date: { start: '2017-05-01', end: null, precision: 'month' },
  location: { country: 'KZ', region: 'Mangystau Region', locality: 'Актау', lat: null, lon: null, precision: 'region' },
  violationTypes: [],
  victims: [{ kind: 'group', name: 'Нефтяники', count: 10, killed: null, injured: null, categories: [] }],
  perpetrators: [],
  legalProvisions: [{ code: '', article: '272', title: null }],
  sources: [],
} satisfies IncidentSnapshot;

const after: IncidentSnapshot = {
  ...before,
  status: 'draft',
  date: { start: '2017-05-25', end: null, precision: 'day' },
  location: { country: 'KZ', region: 'KZ-47', locality: 'Актау', lat: null, lon: null, precision: 'locality' },
  violationTypes: ['arbitrary_detention'],
  victims: [{ kind: 'group', name: 'Нефтяники', count: 12, killed: 3, injured: null, categories: [] }],
  perpetrators: [{ typeCode: 'police', name: null }],
  legalProvisions: [
    { code: null, article: '272', title: null },
    { code: 'УК РК', article: '174', title: 'возбуждение розни' },
  ],
};

const aCase: CaseSnapshot = {
  ref: 'case:1',
  title: 'Дело нефтяников',
  summary: null,
  status: 'open',
  reviewStatus: 'published',
  persons: [],
  incidents: [],
  legalEvents: [],
  interventions: [],
};
const aCaseLater: CaseSnapshot = {
  ...aCase,
  status: 'closed',
  reviewStatus: 'draft',
  legalEvents: [
    {
      id: 1,
      kind: 'verdict',
      date: null,
      datePrecision: 'day',
      personId: null,
      personName: null,
      court: 'Суд Актау',
      summary: null,
      outcome: null,
      provisions: [{ code: 'УК РК', article: '174', title: null }],
    },
  ],
  interventions: [
    {
      id: 1,
      kind: 'un_communication',
      date: '2017-12-12',
      datePrecision: 'day',
      by: 'ООН',
      referenceCode: null,
      summary: null,
      sourceId: null,
      sourceTitle: null,
      replyDueOn: '2018-02-10',
      replyReceivedOn: null,
    },
  ],
};

/** Each changed field as "field: before → after", as the change table shows it. */
function read<C extends Change>(changes: C[], wording: ChangeWording<C>): Record<string, string> {
  return Object.fromEntries(changes.map((change) => [change.field, `${wording.value(change, 'before') ?? '∅'} → ${wording.value(change, 'after') ?? '∅'}`]));
}

function readIncident(locale: Locale) {
  const wording = incidentWording({ violation: labeller(locale), perpetrator: labeller(locale) }, locale, translator(locale));
  return read(diffSnapshots(before, after), wording);
}

function readCase(locale: Locale) {
  return read(diffCaseSnapshots(aCase, aCaseLater), caseWording(locale, translator(locale)));
}

describe('the changes of an incident', () => {
  it('read in English with English words', () => {
    expect(readIncident('en')).toEqual({
      status: 'Published → Draft',
      date: 'May 2017 → 25 May 2017',
      location: 'Актау, Mangystau Region, KZ (Region) → Актау, Mangystau Region, KZ (Town or village)',
      violationTypes: '∅ → Arbitrary detention',
      victims: 'Нефтяники (10 people) → Нефтяники (12 people, 3 killed)',
      perpetrators: '∅ → Police',
      legalProvisions: 'art. 272 → art. 272; УК РК art. 174 “возбуждение розни”',
    });
    // The check the other languages pass finds these English words.
    expect(englishValueWordsIn(Object.values(readIncident('en')).join('\n'))).toEqual(
      expect.arrayContaining(['{n} people', '{n} killed', 'art. {article}', 'May', 'Published', 'Draft', 'Region', 'Town or village']),
    );
  });

  it('read in Russian with no English word', () => {
    const text = readIncident('ru');
    expect(text).toMatchObject({
      status: 'Опубликован → Черновик',
      date: 'май 2017 г. → 25 мая 2017 г.',
      victims: 'Нефтяники (человек: 10) → Нефтяники (человек: 12, погибших: 3)',
      legalProvisions: 'ст. 272 → ст. 272; УК РК ст. 174 “возбуждение розни”',
    });
    // A version saved before regions were coded names its region in the reader's language too.
    expect(text.location).toBe('Актау, Мангистауская область, KZ (Регион) → Актау, Мангистауская область, KZ (Населённый пункт)');
    expect(englishValueWordsIn(Object.values(text).join('\n'))).toEqual([]);
    expect(Object.values(text).join('\n').replace(/\bKZ\b/g, '')).not.toMatch(/[a-z]/i);
  });

  it('read in Kazakh with no English word', () => {
    const text = readIncident('kk');
    expect(text.victims).toBe('Нефтяники (10 адам) → Нефтяники (12 адам, қаза тапқандар: 3)');
    expect(text.legalProvisions).toBe('272-бап → 272-бап; УК РК 174-бап “возбуждение розни”');
    expect(englishValueWordsIn(Object.values(text).join('\n'))).toEqual([]);
    expect(Object.values(text).join('\n').replace(/\bKZ\b/g, '')).not.toMatch(/[a-z]/i);
  });

  it('leaves out what only looks different: an older spelling of a region, a provision’s code written as "", a day inside a month known only to the month', () => {
    const same = {
      ...before,
      date: { start: '2017-05-20', end: null, precision: 'month' as const },
      location: { ...before.location, region: 'KZ-47' },
      legalProvisions: [{ code: null, article: '272', title: null }],
    };
    expect(diffSnapshots(before, same)).toEqual([]);
  });
});

describe('the changes of a case', () => {
  it('read in English with English words', () => {
    expect(readCase('en')).toEqual({
      status: 'Open → Closed',
      reviewStatus: 'Published → Draft',
      legalEvents: '∅ → Date unknown: Verdict – Суд Актау – УК РК art. 174',
      interventions: '∅ → 12 December 2017: UN communication – ООН – Reply due by 10 February 2018',
    });
  });

  it.each(['ru', 'kk'] as const)('read in %s with no English word', (locale) => {
    const text = Object.values(readCase(locale)).join('\n');
    expect(englishValueWordsIn(text)).toEqual([]);
    expect(text).not.toMatch(/[a-z]/i);
  });
});
