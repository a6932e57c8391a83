import type { ReactNode } from 'react';

const th = 'px-3 py-2 text-left text-sm font-semibold text-slate-700';

type Props = {
  caption: ReactNode;
  /** The column headings; `null` or `false` leaves a column out (e.g. one shown only to some). */
  columns: (ReactNode | null | false)[];
  /** Rows become cards on narrow screens (globals.css `.cards`). */
  cards?: boolean;
  /** Added to the frame's classes (spacing). */
  className?: string;
  /** The rows. */
  children: ReactNode;
};

/** A table's column headings; `null` or `false` leaves a column out. */
export function ColumnHeads({ columns, className, cellClassName }: { columns: (ReactNode | null | false)[]; className: string; cellClassName: string }) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((column, index) =>
          column === null || column === false ? null : (
            <th key={index} scope="col" className={cellClassName}>
              {column}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/** The workspace's lists as one table frame: bordered, scrolling sideways when narrow, caption and column headings. */
export function DataTable({ caption, columns, cards = true, className, children }: Props) {
  return (
    <div className={`${className ? `${className} ` : ''}overflow-x-auto rounded-lg border border-slate-300 bg-white`}>
      <table className={`${cards ? 'cards ' : ''}min-w-full divide-y divide-slate-200`}>
        <caption className="px-3 py-2 text-left text-sm text-slate-600">{caption}</caption>
        <ColumnHeads columns={columns} className="bg-slate-100" cellClassName={th} />
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}
