import type { ReactNode } from 'react';

/** The workspace's lists of things to act on one by one (sessions, invitations, notifications, deleted files): one frame, a line between entries. */
export function ItemList({ children }: { children: ReactNode }) {
  return <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">{children}</ul>;
}

type EntryProps = {
  /** What the entry is. */
  title: ReactNode;
  /** A line about it (when, where, by whom). */
  details: ReactNode;
  /** The title's weight; an unread notification stands out. */
  titleClassName?: string;
  /** Added to the entry's classes (its background). */
  className?: string;
  /** What may be done with it, beside it or, when narrow, under it. */
  children: ReactNode;
};

/** One entry of an ItemList: what it is, a line about it, and its actions. */
export function ItemEntry({ title, details, titleClassName = 'font-medium', className, children }: EntryProps) {
  return (
    <li className={`flex flex-wrap items-start gap-x-4 gap-y-2 p-4${className ? ` ${className}` : ''}`}>
      <div className="min-w-0 flex-1">
        <p className={titleClassName}>{title}</p>
        <p className="mt-1 text-sm text-slate-600">{details}</p>
      </div>
      {children}
    </li>
  );
}
