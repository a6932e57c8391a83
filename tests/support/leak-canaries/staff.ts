import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { callerFor, createOrganization, createUser } from '../factories';
import type { CanaryBook } from './book';

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** The canary organization, its monitor and reviewer, and the publishing they do together. */
export type Staff = {
  ngo: { id: string };
  monitor: { id: string };
  reviewer: { id: string };
  author: Caller;
  reviewing: Caller;
  /** Submitted by the monitor, approved and published by the reviewer: the incident's published version. */
  publish: (id: string, version: number) => Promise<number>;
  /** The same for a case (each publication rewrites the public case in its own transaction). */
  publishCase: (id: string, version: number) => Promise<number>;
};

/** Staff: names and emails are never public, not even as the publisher. */
export async function plantStaff(db: Db, { canary, publicToken }: CanaryBook): Promise<Staff> {
  const ngo = await createOrganization(db, `Bureau ${publicToken()}`);
  const monitor = await createUser(db, ngo.id, 'monitor', { email: `${canary('monitor email')}@example.org` });
  const reviewer = await createUser(db, ngo.id, 'reviewer', { email: `${canary('reviewer email')}@example.org` });
  await db.update(users).set({ name: `Monitor ${canary('monitor name')}` }).where(eq(users.id, monitor.id));
  await db.update(users).set({ name: `Reviewer ${canary('reviewer name')}` }).where(eq(users.id, reviewer.id));
  const author = await callerFor(db, monitor.id);
  const reviewing = await callerFor(db, reviewer.id);
  const publish = async (id: string, version: number) => {
    let v = (await author.review.submit({ id, version })).version;
    v = (await reviewing.review.approve({ id, version: v })).version;
    return (await reviewing.review.publish({ id, version: v })).version;
  };
  const publishCase = async (id: string, version: number) => {
    let cv = (await author.case.submit({ id, version })).version;
    cv = (await reviewing.case.approve({ id, version: cv })).version;
    return (await reviewing.case.publish({ id, version: cv })).version;
  };
  return { ngo, monitor, reviewer, author, reviewing, publish, publishCase };
}
