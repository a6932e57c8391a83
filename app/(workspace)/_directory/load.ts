import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireViewer } from '../session';

/** A missing record, one the viewer may not see and a malformed id all answer "not found". */
function orNotFound(error: unknown): never {
  if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
  throw error;
}

export const loadDocumentedOrganization = cache(async (id: string) => {
  const { caller } = await requireViewer();
  return caller.documentedOrganization.get({ id }).catch(orNotFound);
});

export const loadSource = cache(async (id: string) => {
  const { caller } = await requireViewer();
  return caller.source.get({ id }).catch(orNotFound);
});
