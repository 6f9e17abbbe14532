// A table of the workspace as the one table format of the exports (shared/reports/table.ts), read
// from the page as it is shown: headers and cells as text, decorations (swatches, arrows) left out.
import type { Table, TableCell } from '../../shared/reports/table.ts';

const cellText = (cell: Element): string => {
  const copy = cell.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"], .visually-hidden')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
};

export function tableFromElement(table: HTMLTableElement): Table {
  const rows = [...table.rows].map((row) => [...row.cells].map(cellText));
  const headerRows = table.tHead ? table.tHead.rows.length : 1;
  const columns = rows.slice(0, headerRows).at(-1) ?? [];
  return { columns, rows: rows.slice(headerRows).map((r): TableCell[] => r) };
}
