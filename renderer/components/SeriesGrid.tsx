import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useEditor, useWorkspace } from '../app/context.tsx';
import type { SeriesDefinition } from '../model/series.ts';
import type { PasteChoices, PastePlan } from '../model/pastePlan.ts';
import { PasteQuestion } from './PasteQuestion.tsx';
import { selectIsPlaceholder } from '../store/selectors.ts';
import { useProblemsAt, useStoredValue } from './useStoredValue.ts';
import { useUnit } from './controls.tsx';

export interface SeriesGridProps {
  caption: string;
  rows: readonly SeriesDefinition[];
  /** Called when a row's cell takes focus (the chart beside the grid follows it). */
  onRowFocus?: (seriesKey: string) => void;
}

interface CellPosition {
  row: number;
  col: number;
}

interface PendingPaste {
  text: string;
  position: CellPosition;
  choices: PasteChoices;
}

/**
 * Yearly series as a grid: one row per series, one column per year. Arrow keys and Enter move
 * between cells, a tab-separated paste fills from the cell it lands in, and Fill right (or
 * Ctrl+R) copies the current cell into the later years.
 */
export function SeriesGrid({ caption, rows, onRowFocus }: SeriesGridProps) {
  const editor = useEditor();
  const startYear = useWorkspace((state) => state.project?.assumptions.startYear);
  const years = useWorkspace((state) => state.project?.assumptions.years);
  const count = typeof years === 'number' && Number.isInteger(years) && years > 0 && years <= 100 ? years : 0;
  const firstYear = typeof startYear === 'number' ? startYear : 1;
  const [active, setActive] = useState<CellPosition>({ row: 0, col: 0 });
  const [pending, setPending] = useState<(PendingPaste & { plan: PastePlan }) | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  function focusCell(position: CellPosition): void {
    const row = Math.max(0, Math.min(rows.length - 1, position.row));
    const col = Math.max(0, Math.min(count - 1, position.col));
    const cell = tableRef.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
    cell?.focus();
    cell?.select();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, position: CellPosition): void {
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    const allSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'r') {
      event.preventDefault();
      const row = rows[position.row];
      if (row) editor.fillRight(row.key, position.col, rows);
      return;
    }
    const moves: Record<string, CellPosition | null> = {
      ArrowUp: { row: position.row - 1, col: position.col },
      ArrowDown: { row: position.row + 1, col: position.col },
      Enter: { row: position.row + (event.shiftKey ? -1 : 1), col: position.col },
      ArrowLeft: atStart || allSelected ? { row: position.row, col: position.col - 1 } : null,
      ArrowRight: atEnd || allSelected ? { row: position.row, col: position.col + 1 } : null,
      Home: event.ctrlKey ? { row: position.row, col: 0 } : null,
      End: event.ctrlKey ? { row: position.row, col: count - 1 } : null,
    };
    // Tab moves along the years and on to the next row, as in a spreadsheet; from the last cell
    // (Shift+Tab: the first) it leaves the grid as usual.
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      const index = position.row * count + position.col + (event.shiftKey ? -1 : 1);
      if (index >= 0 && index < rows.length * count) {
        event.preventDefault();
        focusCell({ row: Math.floor(index / count), col: index % count });
      }
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      focusAfter(tableRef.current);
      return;
    }
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      focusCell(target);
    }
  }

  function paste(request: PendingPaste): void {
    const row = rows[request.position.row];
    if (!row) return;
    const plan = editor.pasteSeries(row.key, request.position.col, request.text, rows, request.choices);
    setPending(plan.kind === 'ask-label' || plan.kind === 'ask-convention' ? { ...request, plan } : null);
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>, position: CellPosition): void {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\n+$/, ''))) return;
    event.preventDefault();
    paste({ text, position, choices: {} });
  }

  const activeRow = rows[active.row];
  return (
    <div className="grid-wrap">
      <div className="grid-toolbar" role="toolbar" aria-label={`${caption} tools`}>
        <button type="button" onClick={() => activeRow && editor.fillRight(activeRow.key, active.col, rows)} title="Copy the selected cell into every later year (Ctrl+R)">
          Fill right
        </button>
        <PlaceholderLegend rows={rows} />
        <span className="grid-hint">
          {activeRow ? `${activeRow.label}, ${firstYear + active.col}` : ''} · Tab: next year · Esc: leave the grid · paste tab-separated rows or columns from a spreadsheet
        </span>
      </div>
      {pending && (
        <PasteQuestion
          plan={pending.plan}
          onAnswer={(choices) => {
            paste({ ...pending, choices: { ...pending.choices, ...choices } });
            focusCell(pending.position);
          }}
          onCancel={() => {
            setPending(null);
            focusCell(pending.position);
          }}
        />
      )}
      <div className="grid-scroll">
        <table className="grid" ref={tableRef}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Series</th>
              {Array.from({ length: count }, (_, col) => (
                <th scope="col" key={col}>
                  {firstYear + col}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <GridRow
                key={row.key}
                row={row}
                rowIndex={rowIndex}
                count={count}
                firstYear={firstYear}
                active={active}
                onFocusCell={(position) => {
                  setActive(position);
                  onRowFocus?.(row.key);
                }}
                onKeyDown={onKeyDown}
                onPaste={onPaste}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Says what the dashed cells are, while the grid shows any. */
function PlaceholderLegend({ rows }: { rows: readonly SeriesDefinition[] }) {
  const any = useWorkspace((state) => {
    const paths = Object.keys(state.placeholders ?? {});
    return rows.some((row) => paths.some((path) => path.startsWith(`${row.path}[`) && selectIsPlaceholder(state, path)));
  });
  return any ? <span className="placeholder-legend"><span className="cell-placeholder-swatch" aria-hidden="true" /> Dashed, italic values are the template’s placeholders: replace them</span> : null;
}

interface GridRowProps {
  row: SeriesDefinition;
  rowIndex: number;
  count: number;
  firstYear: number;
  active: CellPosition;
  onFocusCell: (position: CellPosition) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>, position: CellPosition) => void;
  onPaste: (event: ClipboardEvent<HTMLInputElement>, position: CellPosition) => void;
}

function GridRow({ row, rowIndex, count, firstYear, active, onFocusCell, onKeyDown, onPaste }: GridRowProps) {
  const unit = useUnit(row.unit);
  const listProblems = useProblemsAt(row.path);
  return (
    <tr>
      <th scope="row" className={listProblems.length > 0 ? 'cell-invalid' : undefined} title={listProblems.join(' ') || undefined}>
        <span className="series-label">{row.label}</span> <span className="series-unit">{unit}</span>
      </th>
      {Array.from({ length: count }, (_, col) => (
        <GridCell
          key={col}
          row={row}
          position={{ row: rowIndex, col }}
          year={firstYear + col}
          isActive={active.row === rowIndex && active.col === col}
          onFocusCell={onFocusCell}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
      ))}
    </tr>
  );
}

interface GridCellProps {
  row: SeriesDefinition;
  position: CellPosition;
  year: number;
  isActive: boolean;
  onFocusCell: (position: CellPosition) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>, position: CellPosition) => void;
  onPaste: (event: ClipboardEvent<HTMLInputElement>, position: CellPosition) => void;
}

function GridCell({ row, position, year, isActive, onFocusCell, onKeyDown, onPaste }: GridCellProps) {
  const path = `${row.path}[${position.col}]`;
  const value = useStoredValue(path, row.format, 'keep', row.unit);
  const validation = useProblemsAt(path);
  const problems = value.problem ? [value.problem] : validation;
  const placeholder = useWorkspace((state) => selectIsPlaceholder(state, path));
  const classes = [isActive ? 'cell-active' : '', problems.length > 0 ? 'cell-invalid' : '', placeholder ? 'cell-placeholder' : ''].filter(Boolean).join(' ');
  return (
    <td className={classes || undefined}>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-label={`${row.label} ${year}`}
        aria-invalid={problems.length > 0 || undefined}
        title={problems.join(' ') || (placeholder ? 'Placeholder from the template: replace it with your figure' : undefined)}
        aria-description={placeholder ? 'placeholder from the template' : undefined}
        data-path={path}
        data-row={position.row}
        data-col={position.col}
        tabIndex={isActive ? 0 : -1}
        value={value.text}
        onFocus={(event) => {
          value.focus();
          onFocusCell(position);
          event.currentTarget.select();
        }}
        onBlur={value.blur}
        onChange={(event) => value.change(event.target.value)}
        onKeyDown={(event) => onKeyDown(event, position)}
        onPaste={(event) => onPaste(event, position)}
      />
    </td>
  );
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Moves focus to the first control after `element` (Escape leaves a grid that Tab walks through). */
function focusAfter(element: HTMLElement | null): void {
  if (!element) return;
  const next = Array.from(document.querySelectorAll<HTMLElement>(FOCUSABLE)).find(
    (candidate) => !element.contains(candidate) && (element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  );
  next?.focus();
}
