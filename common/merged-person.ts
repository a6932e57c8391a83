import type { PersonSnapshot } from '@/server/services/persons/snapshot';

// Pure, so that the merge confirmation in the browser shows exactly what the server will write.

type MergeSide = Pick<PersonSnapshot, 'gender' | 'categories' | 'roleNote' | 'confidential' | 'affiliations'>;

/**
 * The record a merge leaves: the remaining record's values win, the duplicate fills in what it lacks,
 * lists are joined, and protection is never lifted: if either record is confidential, so is the result.
 */
export function mergedValues(person: MergeSide, duplicate: MergeSide) {
  return {
    gender: person.gender && person.gender !== 'unknown' ? person.gender : (duplicate.gender ?? person.gender),
    categories: [...new Set([...person.categories, ...duplicate.categories])],
    roleNote: person.roleNote ?? duplicate.roleNote,
    confidential: person.confidential || duplicate.confidential,
    affiliations: [...new Map([...person.affiliations, ...duplicate.affiliations].map((a) => [a.id, a])).values()],
  };
}
