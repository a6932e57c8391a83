import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getServerCaller } from '@/server/caller';

/**
 * The tRPC caller and the signed-in viewer for a workspace page, or a redirect to sign-in.
 * Cached per request, so the layout and the page read the viewer once.
 */
export const requireViewer = cache(async () => {
  const caller = await getServerCaller();
  const viewer = await caller.viewer.me();
  if (!viewer) {
    // A session that owes a second factor or an enrolment is sent to that step, and nowhere else.
    const gate = await caller.factor.status().then((status) => status.gate, () => null);
    redirect(gate ? '/second-factor' : '/sign-in');
  }
  return { caller, viewer };
});
