import type { ReactNode } from 'react';

const tones = {
  /** A part of a record's page: its review, comments, sharing, cases. */
  plain: 'border-slate-300 bg-white',
  /** Something that asks for the reader's attention: similar records elsewhere, forms left unfinished, codes shown once. */
  notice: 'border-amber-700 bg-amber-50',
};

type Props = {
  /** The heading's id: the section is announced by its heading. */
  id: string;
  heading: ReactNode;
  tone?: keyof typeof tones;
  /** Added to the box's classes (spacing around or inside it). */
  className?: string;
  children: ReactNode;
};

/** A boxed part of a page, announced by its heading. */
export function Panel({ id, heading, tone = 'plain', className, children }: Props) {
  return (
    <section aria-labelledby={id} className={`rounded-lg border ${tones[tone]} p-4 sm:p-6${className ? ` ${className}` : ''}`}>
      <h2 id={id} className="text-lg font-semibold">
        {heading}
      </h2>
      {children}
    </section>
  );
}
