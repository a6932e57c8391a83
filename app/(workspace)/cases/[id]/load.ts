import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireViewer } from '../../session';

/** A missing case, one the viewer may not see and a malformed id all answer "not found". */
function notFoundOnMiss(error: unknown): never {
  if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
  throw error;
}

export const loadCase = cache(async (id: string) => {
  const { caller } = await requireViewer();
  return caller.case.get({ id }).catch(notFoundOnMiss);
});

export const loadCaseTimeline = cache(async (id: string) => {
  const { caller } = await requireViewer();
  return caller.case.timeline({ id }).catch(notFoundOnMiss);
});

export const loadCaseHistory = cache(async (id: string) => {
  const { caller } = await requireViewer();
  return caller.case.history({ id }).catch(notFoundOnMiss);
});

export const loadCaseComments = cache(async (id: string) => {
  const { caller } = await requireViewer();
  return caller.comment.listOnCase({ caseId: id }).catch(notFoundOnMiss);
});
