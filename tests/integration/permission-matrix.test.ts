/**
 * Who may call which procedure on which record. Every procedure of the app router must have an
 * entry here (read from the router itself), so a new procedure without a stated policy fails.
 * Each entry is called by every kind of person against a record in every review state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRPCError } from '@trpc/server';
import { appRouter } from '@/server/routers';
import { callerFor } from '../support/factories';
import { casePolicies } from '../support/permission-matrix/policies-cases';
import { directoryPolicies, evidencePolicies } from '../support/permission-matrix/policies-directory';
import { recordPolicies } from '../support/permission-matrix/policies-records';
import { actors, outcomeOf, states, incidentStates, type Entry } from '../support/permission-matrix/rules';
import { caseSubjectFor, closeWorld, database, openWorld, organizationId, people, subjectFor } from '../support/permission-matrix/world';

const policies: Record<string, Entry> = { ...recordPolicies, ...casePolicies, ...directoryPolicies, ...evidencePolicies };

beforeAll(openWorld);
afterAll(closeWorld);

describe('permission matrix', () => {
  it('has a stated policy for every procedure of the router, and none for procedures that no longer exist', () => {
    const procedures = Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures).sort();
    expect(Object.keys(policies).sort()).toEqual(procedures);
  });

  it.each(Object.keys(policies))('%s', async (path) => {
    const entry = policies[path]!;
    const mismatches: string[] = [];
    for (const actor of actors) {
      const caller = await callerFor(database.db, actor === 'anonymous' ? null : people[actor].id);
      if (entry.on === 'self') {
        const got = await outcomeOf(() => entry.call(caller));
        if (got !== entry.expect(actor)) mismatches.push(`${actor}: expected ${entry.expect(actor)}, got ${got}`);
        continue;
      }
      if (entry.on === 'organization') {
        const subject = { id: '', version: 1, organizationId, state: 'draft' as const, deleted: false };
        const got = await outcomeOf(() => entry.call(caller, subject));
        if (got !== entry.expect(actor)) mismatches.push(`${actor}: expected ${entry.expect(actor)}, got ${got}`);
        continue;
      }
      if (entry.on === 'case') {
        for (const state of states) {
          const subject = await caseSubjectFor(actor, state, entry.deleted ?? false);
          const expected = entry.expect(actor, state);
          const got = await outcomeOf(() => entry.call(caller, subject));
          if (got !== expected) mismatches.push(`${actor} on ${state}: expected ${expected}, got ${got}`);
        }
        continue;
      }
      for (const { state, publishedBefore } of incidentStates) {
        const subject = await subjectFor(actor, state, entry.deleted ?? false, publishedBefore);
        const expected = entry.expect(actor, state, publishedBefore);
        const got = await outcomeOf(() => entry.call(caller, subject));
        const label = publishedBefore && state !== 'published' ? `${state} of a published incident` : state;
        if (got !== expected) mismatches.push(`${actor} on ${label}: expected ${expected}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers a record one may not see exactly as a record that does not exist', async () => {
    const subject = await subjectFor('author', 'draft', false);
    const outsider = await callerFor(database.db, people.outsider.id);
    const hidden = await outsider.incident.get({ id: subject.id }).catch((e: TRPCError) => ({ code: e.code, message: e.message }));
    const missing = await outsider.incident
      .get({ id: '00000000-0000-4000-8000-000000000000' })
      .catch((e: TRPCError) => ({ code: e.code, message: e.message }));
    expect(hidden).toEqual(missing);
  });
});
