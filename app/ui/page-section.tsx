import type { ReactNode } from 'react';

/** One titled part of a workspace page; `id` names the heading, so that the section is announced by it. */
export function PageSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {heading}
      </h2>
      {children}
    </section>
  );
}
