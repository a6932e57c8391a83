import { redirect } from 'next/navigation';
import { getServerCaller } from '@/server/caller';

/** The front door: the workspace for someone signed in, the public dashboard for anyone else. */
export default async function Home() {
  const viewer = await (await getServerCaller()).viewer.me();
  redirect(viewer ? '/incidents' : '/dashboard');
}
