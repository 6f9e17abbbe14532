// Copy (tab-separated: pastes into a spreadsheet as cells) and Save as CSV, for every table of
// the workspace: wrap the table, name it.
import { useRef, type ReactNode } from 'react';
import { toCsv, toTabSeparated, type Table } from '../../shared/reports/table.ts';
import { useEditor, useWorkspaceContext } from '../app/context.tsx';
import { tableFromElement } from '../lib/tableExport.ts';

/**
 * `table` builds the table from the model where reading the page would not do (the compare
 * matrix turns round); by default the table is read as shown.
 */
export function ExportableTable({ name, table: build, copyLabel, children }: { name: string; table?: () => Table; copyLabel?: string; children: ReactNode }) {
  const holder = useRef<HTMLDivElement>(null);
  const editor = useEditor();
  const { commands } = useWorkspaceContext();
  const read = () => {
    if (build) return build();
    const table = holder.current?.querySelector('table');
    return table ? tableFromElement(table) : null;
  };
  const copy = async () => {
    const table = read();
    if (!table) return;
    try {
      await navigator.clipboard.writeText(toTabSeparated(table));
      editor.notify({ kind: 'info', message: `Copied the ${name.toLowerCase()} table: paste it into a spreadsheet.` });
    } catch {
      editor.notify({ kind: 'error', message: 'The table could not be copied: this browser did not allow access to the clipboard.' });
    }
  };
  const save = () => {
    const table = read();
    if (table) void commands.exportTable(name, toCsv(table));
  };
  return (
    <div className="exportable-table" ref={holder}>
      <div className="table-actions" role="group" aria-label={`${name} table`}>
        <button type="button" className="small" onClick={() => void copy()} aria-label={copyLabel ?? `Copy the ${name.toLowerCase()} table`}>{copyLabel ?? 'Copy'}</button>
        <button type="button" className="small" onClick={save} aria-label={`Save the ${name.toLowerCase()} table as CSV`}>Save as CSV</button>
      </div>
      {children}
    </div>
  );
}
