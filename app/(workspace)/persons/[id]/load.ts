import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireViewer } from '../../session';

/** A missing person, one the viewer may not see and a malformed id all answer "not found". */
export const loadPerson = cache(async (id: string) => {
  const { caller } = await requireViewer();
  return caller.person.get({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  });
});

export type PersonPageData = Awaited<ReturnType<typeof loadPerson>>;
