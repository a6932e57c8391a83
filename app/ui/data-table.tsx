import type { ReactNode } from 'react';

const th = 'px-3 py-2 text-left text-sm font-semibold text-slate-700';

/** A column heading: `null` or `false` leaves the column out (e.g. one shown only to some); `numeric` aligns it right, over figures. */
export type Column = ReactNode | { label: ReactNode; numeric: true };

const isNumeric = (column: Column): column is { label: ReactNode; numeric: true } => typeof column === 'object' && column !== null && 'numeric' in column;

type Props = {
  caption: ReactNode;
  /** Read by screen readers only, where the page's heading already says what the table lists. */
  captionHidden?: boolean;
  columns: Column[];
  /** Rows become cards on narrow screens (globals.css `.cards`). */
  cards?: boolean;
  /** Added to the frame's classes (spacing). */
  className?: string;
  /** The rows. */
  children: ReactNode;
};

const rightAligned = (classes: string) => [...classes.split(' ').filter((name) => name !== 'text-left'), 'text-right'].join(' ');

/** A table's column headings. */
export function ColumnHeads({ columns, className, cellClassName }: { columns: Column[]; className: string; cellClassName: string }) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((column, index) =>
          column === null || column === false ? null : isNumeric(column) ? (
            <th key={index} scope="col" className={rightAligned(cellClassName)}>
              {column.label}
            </th>
          ) : (
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
export function DataTable({ caption, captionHidden, columns, cards = true, className, children }: Props) {
  return (
    <div className={`${className ? `${className} ` : ''}overflow-x-auto rounded-lg border border-slate-300 bg-white`}>
      <table className={`${cards ? 'cards ' : ''}min-w-full divide-y divide-slate-200`}>
        <caption className={captionHidden ? 'sr-only' : 'px-3 py-2 text-left text-sm text-slate-600'}>{caption}</caption>
        <ColumnHeads columns={columns} className="bg-slate-100" cellClassName={th} />
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}
