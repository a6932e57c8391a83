import Link from 'next/link';
import type { ReactNode } from 'react';
import { linkClass } from './styles';

/** The workspace's way back, above a page's heading: to the list, or from an edit to the record. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="text-sm">
      <Link href={href} className={linkClass}>
        {children}
      </Link>
    </p>
  );
}
