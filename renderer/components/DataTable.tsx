// A table of figures as every view shows one: named columns, then a row per item led by its name
// (a row header, so that a screen reader says which item each figure belongs to).
import type { ReactNode } from 'react';

export interface TableRow {
  key: string | number;
  heading: ReactNode;
  cells: readonly ReactNode[];
  className?: string;
  /** The `data-testid` of the cells, by position (undefined: none). */
  testIds?: readonly (string | undefined)[];
}

/** The column headings. */
export function TableHead({ columns }: { columns: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => (
          <th scope="col" key={index}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function TableBodyRow({ row }: { row: TableRow }) {
  return (
    <tr className={row.className}>
      <th scope="row">{row.heading}</th>
      {row.cells.map((cell, index) => (
        <td key={index} data-testid={row.testIds?.[index]}>
          {cell}
        </td>
      ))}
    </tr>
  );
}

interface DataTableProps {
  className?: string;
  /** For screen readers only, unless `captionShown`. */
  caption?: ReactNode;
  captionShown?: boolean;
  /** The table's accessible name where it has no caption. */
  label?: string;
  columns: readonly ReactNode[];
  rows: readonly TableRow[];
  /** Said in one row across the table when there are no rows. */
  empty?: ReactNode;
}

export function DataTable({ className = 'data-table', caption, captionShown = false, label, columns, rows, empty }: DataTableProps) {
  return (
    <table className={className} aria-label={label}>
      {caption !== undefined && <caption className={captionShown ? undefined : 'visually-hidden'}>{caption}</caption>}
      <TableHead columns={columns} />
      <tbody>
        {rows.length === 0 && empty !== undefined ? (
          <tr>
            <td colSpan={columns.length}>{empty}</td>
          </tr>
        ) : (
          rows.map((row) => <TableBodyRow key={row.key} row={row} />)
        )}
      </tbody>
    </table>
  );
}
