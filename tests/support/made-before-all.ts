import { afterAll, beforeAll } from 'vitest';

/**
 * A stand-in for something made before a file's tests: every property read goes to what `current`
 * gives at that moment, so a file can name it at its top and use it inside its tests.
 */
function standIn<T extends object>(name: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const made = current();
      if (made === undefined) throw new Error(`${name} is made before all tests: read it inside a test or a later hook`);
      return Reflect.get(made, key);
    },
  });
}

/**
 * Makes the members of a test file's setting once before its tests (`beforeAll`) and cleans them up
 * after them (`afterAll`). The members are stand-ins (see `standIn`), so a file writes
 * `const { database, author } = madeBeforeAll(…)` once instead of a `let` and an assignment for each.
 * A file's own `beforeAll` hooks written after this call run after it, its own `afterAll` hooks before the clean-up.
 */
export function madeBeforeAll<T extends Record<string, object>>(make: () => Promise<T>, cleanUp: (made: T) => Promise<void>): T {
  let made: T | undefined;
  beforeAll(async () => {
    made = await make();
  });
  afterAll(async () => {
    if (made) await cleanUp(made);
  });
  return new Proxy({} as T, { get: (_, member) => standIn(String(member), () => made?.[member as keyof T]) });
}
