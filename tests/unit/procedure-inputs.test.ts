import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { publicFilters } from '@/server/public/filters';
import { appRouter } from '@/server/routers';
import { bigSerialId } from '@/common/inputs/numbers';

/**
 * Every string and number that any procedure accepts, found by walking the input schemas, so a field
 * added later without the shared building blocks fails here rather than as a 500 in production:
 * no string lets the NUL character through (PostgreSQL cannot store it), and no number lets a value
 * past the `integer` column type through (except ids of bigserial columns, which hold it).
 */

type Leaf = { path: string; schema: z.ZodType; kind: 'string' | 'number' };

function leavesOf(schema: z.ZodType, path: string, leaves: Leaf[] = []): Leaf[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const walk = (child: unknown, at: string) => leavesOf(child as z.ZodType, at, leaves);
  switch (def.type) {
    case 'string':
      leaves.push({ path, schema, kind: 'string' });
      break;
    case 'number':
      leaves.push({ path, schema, kind: 'number' });
      break;
    case 'custom':
      // A hand-written check (common/inputs/numbers.ts words its range as one problem code): one that takes a whole number is a number.
      if ((schema as z.ZodType).safeParse(1).success) leaves.push({ path, schema, kind: 'number' });
      break;
    case 'object':
      for (const [name, child] of Object.entries(def.shape as Record<string, unknown>)) walk(child, `${path}.${name}`);
      if (def.catchall) walk(def.catchall, `${path}.*`);
      break;
    case 'array':
      walk(def.element, `${path}[]`);
      break;
    case 'tuple':
      (def.items as unknown[]).forEach((item, index) => walk(item, `${path}[${index}]`));
      if (def.rest) walk(def.rest, `${path}[…]`);
      break;
    case 'union':
      (def.options as unknown[]).forEach((option, index) => walk(option, `${path}|${index}`));
      break;
    case 'intersection':
      walk(def.left, path);
      walk(def.right, path);
      break;
    case 'record':
      walk(def.keyType, `${path}{key}`);
      walk(def.valueType, `${path}{}`);
      break;
    case 'pipe':
      walk(def.in, path);
      walk(def.out, path);
      break;
    case 'lazy':
      walk((def.getter as () => unknown)(), path);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      walk(def.innerType, path);
      break;
    default:
      // enum, literal, boolean, transform…: nothing the database could refuse.
      break;
  }
  return leaves;
}

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;
const procedureLeaves = Object.entries(procedures).flatMap(([name, procedure]) =>
  procedure._def.inputs.flatMap((input) => leavesOf(input, name)),
);

describe('the inputs of every procedure', () => {
  it('are found by the walk (a walk that finds nothing would prove nothing)', () => {
    expect(Object.keys(procedures).length).toBeGreaterThan(50);
    expect(procedureLeaves.map((leaf) => leaf.path)).toEqual(
      expect.arrayContaining(['incident.create.incident.title', 'incident.list.text', 'case.update.version', 'comment.add.body', 'admin.createUser.name']),
    );
  });

  it('refuse the NUL character in every string', () => {
    const letThrough = procedureLeaves.filter((leaf) => leaf.kind === 'string' && leaf.schema.safeParse('a\u0000b').success);
    expect(letThrough.map((leaf) => leaf.path)).toEqual([]);
  });

  it('refuse a number past the integer column type in every number, except bigserial ids', () => {
    const letThrough = procedureLeaves.filter((leaf) => leaf.kind === 'number' && leaf.schema !== bigSerialId && leaf.schema.safeParse(3_000_000_000).success);
    expect(letThrough.map((leaf) => leaf.path)).toEqual([]);
  });
});

describe('the public filters', () => {
  it('refuse the NUL character in every text filter', () => {
    const leaves = leavesOf(publicFilters, 'filters');
    expect(leaves.map((leaf) => leaf.path)).toEqual(expect.arrayContaining(['filters.q', 'filters.region']));
    expect(leaves.filter((leaf) => leaf.schema.safeParse('a\u0000b').success).map((leaf) => leaf.path)).toEqual([]);
  });
});
