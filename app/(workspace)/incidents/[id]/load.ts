import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireViewer } from '../../session';

/** A missing incident, one the viewer may not see and a malformed id all answer "not found". */
function notFoundOnMiss(error: unknown): never {
  if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
  throw error;
}

export const loadIncident = cache(async (id: string) => {
  const { caller } = await requireViewer();
  return caller.incident.get({ id }).catch(notFoundOnMiss);
});

export const loadIncidentHistory = cache(async (id: string) => {
  const { caller } = await requireViewer();
  return caller.incident.history({ id }).catch(notFoundOnMiss);
});
