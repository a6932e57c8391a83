import type { ReactNode } from 'react';
import { AdminNav } from './admin-nav';
import { requireAdmin } from './require-admin';

/** Administration is for admins only; to anyone else these pages do not exist (the procedures refuse them too). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return (
    <>
      <AdminNav />
      <div className="mt-6">{children}</div>
    </>
  );
}
