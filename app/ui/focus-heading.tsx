'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * After a client-side navigation, focus goes to the new page's main heading, so that a screen reader
 * reads where the user arrived and Tab continues from the page, not from the link left behind in the
 * header. Not on the first load (the browser starts at the top anyway), and not when only the query
 * changes (a filter form keeps its focus).
 */
export function FocusHeadingOnNavigate() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    // Something on the new page may already have taken focus on purpose (a dialog, an error summary).
    const active = document.activeElement;
    if (active && active !== document.body && document.querySelector('main')?.contains(active)) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }, [pathname]);
  return null;
}
