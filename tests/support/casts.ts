import type { Db } from '@/db/client';
import { createOrganization, createUser } from './factories';

// The casts several stories share, made in one call (with `fileDatabase`'s arrange, for instance).

/** The Kazakhstan Bureau and a monitor of it: the cast of the case stories. */
export async function bureauWithMonitor(db: Db) {
  const bureau = await createOrganization(db, 'Kazakhstan Bureau');
  return { bureau, monitor: await createUser(db, bureau.id, 'monitor') };
}

/** The Kazakhstan Bureau with its monitor, and a partner coalition with its reviewer: the cast of linking and sharing. */
export async function bureauAndPartner(db: Db) {
  const bureau = await createOrganization(db, 'Kazakhstan Bureau');
  const partner = await createOrganization(db, 'Partner Coalition');
  return { bureau, partner, monitor: await createUser(db, bureau.id, 'monitor'), partnerReviewer: await createUser(db, partner.id, 'reviewer') };
}

/** "<name> Bureau" with a monitor and a reviewer, and "<name> Elsewhere" with a monitor who must see none of it. */
export async function bureauAndOutsider(db: Db, name: string) {
  const ngo = await createOrganization(db, `${name} Bureau`);
  const otherNgo = await createOrganization(db, `${name} Elsewhere`);
  return {
    ngo,
    otherNgo,
    monitor: await createUser(db, ngo.id, 'monitor'),
    reviewer: await createUser(db, ngo.id, 'reviewer'),
    outsider: await createUser(db, otherNgo.id, 'monitor'),
  };
}
