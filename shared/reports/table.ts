// One table format for every export of a table: CSV files, tab-separated text for the
// clipboard (pastes into a spreadsheet as cells), and the PDF pack's tables.

export type TableCell = string | number | null;

export interface Table {
  columns: string[];
  rows: TableCell[][];
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @ or a control character first) is
 * written with a leading apostrophe: a project comes from the other side of the table, and its
 * names must not become formulas on our side. Numbers are written as they are.
 */
function safeText(cell: TableCell): string {
  if (cell === null) return '';
  const text = String(cell);
  if (typeof cell === 'number' || NUMBER.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(cell: TableCell): string {
  const text = safeText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends. */
export function toCsv(table: Table): string {
  return [table.columns, ...table.rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Tab-separated lines for the clipboard; tabs and line breaks inside a cell become spaces. */
export function toTabSeparated(table: Table): string {
  return [table.columns, ...table.rows].map((row) => row.map((cell) => safeText(cell).replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n') + '\n';
}
