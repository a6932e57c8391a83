'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useId, useState, type ReactNode } from 'react';

/**
 * The header's links and controls behind a menu button on narrow screens (a disclosure: one button with
 * aria-expanded, Enter or Space opens it, Escape closes it and gives focus back), always shown from the
 * `sm` breakpoint up. On a phone the header is then one line instead of a third of the screen.
 */
export function HeaderMenu({ label, closeLabel, children }: { label: string; closeLabel: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const pathname = usePathname();
  // A link followed from the menu closes it: the next page starts with the compact header again.
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="ml-auto inline-flex items-center gap-2 rounded border border-slate-400 px-3 py-1.5 text-sm font-medium text-white sm:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="currentColor">
          {open ? <path d="M3.5 2.1 8 6.6l4.5-4.5 1.4 1.4L9.4 8l4.5 4.5-1.4 1.4L8 9.4l-4.5 4.5-1.4-1.4L6.6 8 2.1 3.5z" /> : <path d="M1 3h14v2H1zm0 4h14v2H1zm0 4h14v2H1z" />}
        </svg>
        {open ? closeLabel : label}
      </button>
      <div
        id={id}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          setOpen(false);
          document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(id)}"]`)?.focus();
        }}
        className={`${open ? 'flex' : 'hidden'} w-full flex-col gap-4 pb-2 sm:flex sm:w-auto sm:flex-1 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-6 sm:gap-y-3 sm:pb-0`}
      >
        {children}
      </div>
    </>
  );
}
