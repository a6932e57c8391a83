import { getServerSession } from 'next-auth';
import { authOptions } from './options';

/** The id of the signed-in user from the session cookie, or null. Who they are now is read from the database. */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id || null;
}
