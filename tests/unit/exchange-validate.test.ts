import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  caseStatusEnum,
  datePrecisionEnum,
  genderEnum,
  locationPrecisionEnum,
  reliabilityEnum,
  reviewStatusEnum,
} from '@/db/schema';
import exchangeSchema from '@/exchange/schema.json';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { translator } from '@/common/i18n';
import { formatProblems, wordProblems } from '@/server/services/exchange/problems';
import { validateExchangeDocument } from '@/server/services/exchange/validate';

/** The file's problems, each as its pointer and its words in English. */
const validate = (...args: Parameters<typeof validateExchangeDocument>) => wordProblems(validateExchangeDocument(...args));

/** A fresh copy of the Kazakhstan 2017 fixture, to change one thing in. */
function fixture(): ExchangeDocument {
  return JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/kazakhstan-2017.json'), 'utf8')) as ExchangeDocument;
}

function incidentIndex(doc: ExchangeDocument, ref: string): number {
  return doc.incidents.findIndex((incident) => incident.ref === ref);
}

describe('validateExchangeDocument', () => {
  it('accepts the Kazakhstan 2017 fixture', () => {
    expect(validate(fixture())).toEqual([]);
  });

  describe('the shape, against exchange/schema.json', () => {
    it('names a missing required field where it belongs', () => {
      const doc = fixture();
      delete (doc.incidents[4] as Partial<ExchangeDocument['incidents'][number]>).title;
      expect(validate(doc)).toEqual([{ pointer: '/incidents/4/title', message: '“title” is required here but missing' }]);
    });

    it('names a field the format does not have', () => {
      const doc = fixture();
      (doc.persons![0] as Record<string, unknown>).nickname = 'Larisa';
      expect(validate(doc)).toEqual([
        { pointer: '/persons/0/nickname', message: 'Unknown field “nickname” (the format has no such field here)' },
      ]);
    });

    it('quotes a malformed ref and says how refs are written', () => {
      const doc = fixture();
      doc.incidents[0]!.victims = [{ person: 'Person:Kharkova' }];
      const [problem] = validate(doc);
      expect(problem?.pointer).toBe('/incidents/0/victims/0/person');
      expect(problem?.message).toContain('“Person:Kharkova”');
      expect(problem?.message).toContain('kind:name');
    });

    it('says once, in words, that a victim is exactly one of person, organization or group', () => {
      const doc = fixture();
      doc.incidents[1]!.victims = [{ person: 'person:kharkova', group: 'her colleagues' }, { count: 3 }];
      expect(validate(doc)).toEqual([
        {
          pointer: '/incidents/1/victims/0',
          message: 'A victim is exactly one of “person”, “organization” or “group”; this one names “person” and “group”',
        },
        { pointer: '/incidents/1/victims/1', message: 'A victim is exactly one of “person”, “organization” or “group”; this one names none' },
      ]);
    });

    it('refuses a group with more killed or injured than people in it', () => {
      const doc = fixture();
      doc.incidents[1]!.victims = [{ group: 'strikers', count: 2, killed: 5, injured: 2 }];
      expect(validate(doc)).toEqual([{ pointer: '/incidents/1/victims/0/killed', message: '5 is more than the 2 people in the group' }]);
    });

    it('reports every shape problem at once, with the bad value', () => {
      const doc = fixture() as unknown as Record<string, unknown> & ExchangeDocument;
      doc.version = 3 as 2;
      doc.incidents[2]!.status = 'public' as 'published';
      doc.sources![0]!.published_on = '04.10.2017';
      const problems = validate(doc);
      expect(problems.map((p) => p.pointer)).toEqual(['/version', '/sources/0/published_on', '/incidents/2/status']);
      expect(problems[0]!.message).toBe('3 is not one of the allowed values: 1, 2');
      expect(problems[1]!.message).toBe('“04.10.2017” is not a date written YYYY-MM-DD');
      expect(problems[2]!.message).toMatch(/^“public” is not one of the allowed values: “draft”, /);
    });

    it('refuses something that is not an exchange file at all', () => {
      expect(validate([])).toEqual([{ pointer: '', message: 'Expected an object, found a list' }]);
    });
  });

  describe('references', () => {
    it('refuses a victim that points at a person the file does not define', () => {
      const doc = fixture();
      const i = incidentIndex(doc, 'inc:son-car-fire');
      doc.incidents[i]!.victims = [{ person: 'person:nobody' }];
      expect(validate(doc)).toEqual([
        {
          pointer: `/incidents/${i}/victims/0/person`,
          message: 'No person with the ref “person:nobody” is defined in this file (under “persons”)',
        },
      ]);
    });

    it('refuses a ref of the wrong kind of record', () => {
      const doc = fixture();
      doc.incidents[0]!.victims = [{ person: 'org:knprk' }];
      doc.incidents[0]!.sources = ['person:kharkova'];
      expect(validate(doc)).toEqual([
        { pointer: '/incidents/0/victims/0/person', message: '“org:knprk” is an organization (/organizations/0), not a person' },
        { pointer: '/incidents/0/sources/0', message: '“person:kharkova” is a person (/persons/0), not a source' },
      ]);
    });

    it('checks affiliations, case incidents and intervention sources too', () => {
      const doc = fixture();
      doc.persons![0]!.affiliations = ['org:knprk', 'org:gone', 'org:knprk'];
      doc.cases![0]!.incidents = ['inc:missing'];
      doc.cases![0]!.interventions![0]!.source = 'src:missing';
      expect(validate(doc).map((p) => `${p.pointer}: ${p.message}`)).toEqual([
        '/persons/0/affiliations/1: No organization with the ref “org:gone” is defined in this file (under “organizations”)',
        '/persons/0/affiliations/2: “org:knprk” is listed twice',
        '/cases/0/incidents/0: No incident with the ref “inc:missing” is defined in this file (under “incidents”)',
        '/cases/0/interventions/0/source: No source with the ref “src:missing” is defined in this file (under “sources”)',
      ]);
    });

    it('checks the version 2 parts of a case: its persons, legal events and the refs within it', () => {
      const doc = fixture();
      const kharkova = doc.cases!.findIndex((c) => c.ref === 'case:kharkova');
      const record = doc.cases![kharkova]!;
      record.persons = [{ person: 'person:kharkova' }, { person: 'person:nobody' }, { person: 'person:kharkova' }];
      record.legal_events![0]!.person = 'src:un-al-kaz-3-2017';
      record.legal_events![1]!.ref = record.legal_events![0]!.ref!;
      record.interventions![1]!.ref = record.interventions![0]!.ref!;
      record.interventions![0]!.reply_received_on = '2017-02-30';
      expect(validate(doc).map((p) => `${p.pointer}: ${p.message}`)).toEqual([
        `/cases/${kharkova}/persons/1/person: No person with the ref “person:nobody” is defined in this file (under “persons”)`,
        `/cases/${kharkova}/persons/2/person: “person:kharkova” is listed twice`,
        `/cases/${kharkova}/legal_events/0/person: “src:un-al-kaz-3-2017” is a source (/sources/${doc.sources!.findIndex((s) => s.ref === 'src:un-al-kaz-3-2017')}), not a person`,
        `/cases/${kharkova}/interventions/1/ref: The ref “iv:1” is used twice in this case`,
        `/cases/${kharkova}/legal_events/1/ref: The ref “le:charges” is used twice in this case`,
        `/cases/${kharkova}/interventions/0/reply_received_on: “2017-02-30” is not a real calendar date`,
      ]);
    });

    it('refuses a ref used twice, within a list or across lists', () => {
      const doc = fixture();
      doc.sources![1]!.ref = doc.sources![0]!.ref;
      doc.cases![0]!.ref = 'person:kharkova';
      const problems = validate(doc);
      expect(problems).toContainEqual({
        pointer: '/sources/1/ref',
        message: `The ref “${doc.sources![0]!.ref}” is already used by /sources/0; each record needs a ref of its own`,
      });
      expect(problems).toContainEqual({
        pointer: '/cases/0/ref',
        message: 'The ref “person:kharkova” is already used by /persons/0; each record needs a ref of its own',
      });
    });
  });

  describe('vocabularies', () => {
    it('refuses a code that neither the file nor the platform defines', () => {
      const doc = fixture();
      doc.incidents[0]!.violation_types.push('levitation');
      doc.incidents[0]!.perpetrators = [{ type: 'aliens' }];
      doc.persons![0]!.categories = ['astronaut'];
      expect(validate(doc).map((p) => `${p.pointer}: ${p.message}`)).toEqual([
        '/persons/0/categories/0: Unknown defender category “astronaut”: define it under vocabularies.defender_categories or use a code the platform knows',
        '/incidents/0/violation_types/1: Unknown violation type “levitation”: define it under vocabularies.violation_types or use a code the platform knows',
        '/incidents/0/perpetrators/0/type: Unknown perpetrator type “aliens”: define it under vocabularies.perpetrator_types or use a code the platform knows',
      ]);
    });

    it('accepts codes the platform knows already without the file repeating them', () => {
      const doc = fixture();
      delete doc.vocabularies;
      expect(validate(doc).length).toBeGreaterThan(0);
      const known = fixture().vocabularies!;
      expect(
        validate(doc, {
          violation_type: known.violation_types!.map((t) => t.code),
          defender_category: known.defender_categories!.map((t) => t.code),
          perpetrator_type: known.perpetrator_types!.map((t) => t.code),
        }),
      ).toEqual([]);
    });

    it('refuses an unknown parent and a code defined twice', () => {
      const doc = fixture();
      const terms = doc.vocabularies!.violation_types!;
      terms[1]!.parent = 'harassment';
      terms.push({ code: 'raid', labels: { en: 'Raid again' } });
      expect(validate(doc).map((p) => `${p.pointer}: ${p.message}`)).toEqual([
        `/vocabularies/violation_types/${terms.length - 1}/code: The violation type “raid” is already defined at /vocabularies/violation_types/19`,
        '/vocabularies/violation_types/1/parent: Unknown violation type “harassment”: define it under vocabularies.violation_types or use a code the platform knows',
      ]);
    });
  });

  describe('dates', () => {
    it('refuses dates that are not on the calendar', () => {
      const doc = fixture();
      doc.incidents[0]!.date = { start: '2017-02-29', end: null, precision: 'day' };
      doc.cases![0]!.interventions![0]!.date = '2017-13-01';
      expect(validate(doc)).toEqual([
        { pointer: '/incidents/0/date/start', message: '“2017-02-29” is not a real calendar date' },
        { pointer: '/cases/0/interventions/0/date', message: '“2017-13-01” is not a real calendar date' },
      ]);
    });

    it('refuses an end before the start', () => {
      const doc = fixture();
      doc.incidents[0]!.date = { start: '2017-03-10', end: '2017-03-01', precision: 'day' };
      expect(validate(doc)).toEqual([
        { pointer: '/incidents/0/date/end', message: 'The end, 2017-03-01, is before the start, 2017-03-10' },
      ]);
    });

    it('accepts a month-precision date that is not the first of the month', () => {
      const doc = fixture();
      doc.incidents[0]!.date = { start: '2017-06-20', end: null, precision: 'month' };
      expect(validate(doc)).toEqual([]);
    });
  });
});

describe("the problems in the operator's language", () => {
  /** A file with one of each kind of wording: a missing field, a wrong type, a ref of another kind, an unknown code, two victim fields. */
  function troubled(): ExchangeDocument {
    const doc = fixture();
    delete (doc.incidents[4] as Partial<ExchangeDocument['incidents'][number]>).title;
    (doc.incidents[2] as Record<string, unknown>).summary = ['not', 'text'];
    doc.incidents[1]!.victims = [{ person: 'person:kharkova', group: 'her colleagues' }];
    return doc;
  }
  const wrongRefs = () => {
    const doc = fixture();
    doc.incidents[0]!.victims = [{ person: doc.organizations![0]!.ref }];
    doc.incidents[0]!.violation_types = ['levitation'];
    return doc;
  };

  it('reads in Russian', () => {
    const t = translator('ru');
    expect(formatProblems(validateExchangeDocument(troubled()), t)).toEqual([
      '/incidents/1/victims/0: Пострадавший — ровно одно из «person», «organization» или «group»; здесь указаны “person” и “group”',
      '/incidents/2/summary: Ожидается текст или null, а указано список',
      '/incidents/4/title: Здесь обязательно поле «title», но его нет',
    ]);
    expect(formatProblems(validateExchangeDocument(wrongRefs()), t)).toEqual([
      `/incidents/0/victims/0/person: «${fixture().organizations![0]!.ref}» — организация (/organizations/0), а не человек`,
      '/incidents/0/violation_types/0: Неизвестный код «levitation» (вид нарушения): определите его в vocabularies.violation_types или используйте код, известный платформе',
    ]);
  });

  it.each(['ru', 'kk'] as const)('has no English word in %s', (locale) => {
    const lines = [...formatProblems(validateExchangeDocument(troubled()), translator(locale)), ...formatProblems(validateExchangeDocument(wrongRefs()), translator(locale))];
    expect(lines).toHaveLength(5);
    // What is left in Latin letters is the file's own: pointers, quoted field names, refs, codes, null.
    const own = /\/[\w/~]+|«[^»]*»|“[^”]*”|vocabularies\.\w+|null/g;
    expect(lines.map((line) => line.replace(own, ''))).toEqual(lines.map(() => expect.not.stringMatching(/[a-z]{2,}/i)));
  });
});

describe('exchange/schema.json and the database', () => {
  // The wire types in document.ts take their value lists from the Drizzle enums; this keeps the two in step.
  const defs = exchangeSchema.$defs;
  const withoutNull = (values: readonly (string | null)[]) => values.filter((value) => value !== null);

  it('allow the same values for every enumerated field', () => {
    expect(defs.incident.properties.status.enum).toEqual(reviewStatusEnum.enumValues);
    expect(defs.date.properties.precision.enum).toEqual(datePrecisionEnum.enumValues);
    expect(defs.location.properties.precision.enum).toEqual(locationPrecisionEnum.enumValues);
    expect(withoutNull(defs.person.properties.gender.enum)).toEqual(genderEnum.enumValues);
    expect(withoutNull(defs.source.properties.reliability.enum)).toEqual(reliabilityEnum.enumValues);
    expect(defs.case.properties.status.enum).toEqual(caseStatusEnum.enumValues);
  });
});
