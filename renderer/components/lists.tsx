// How every list of the editor shows its items: a numbered card with its Remove button, a list of
// such cards under its heading and Add button, and the year-and-amount rows of a card (fees,
// drawdowns).
import { Fragment, type ReactNode } from 'react';
import { useEditor, useWorkspace } from '../app/context.tsx';
import { selectStructure, selectStructureIndex } from '../store/selectors.ts';
import { Fieldset, ListProblems, NumberField } from './controls.tsx';

/** `label` names what goes ("Remove tranche 2"): every Remove button reads the same. */
export function RemoveButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <button type="button" className="danger" onClick={onRemove} aria-label={label}>
      Remove
    </button>
  );
}

/** One item of a list of cards: its fields under a legend, its Remove button, and `below` (a table of its own) after them. */
export function ListCard({ legend, removeLabel, onRemove, below, children }: { legend: string; removeLabel: string; onRemove: () => void; below?: ReactNode; children: ReactNode }) {
  return (
    <li className="card">
      <Fieldset legend={legend} actions={<RemoveButton label={removeLabel} onRemove={onRemove} />}>
        {children}
      </Fieldset>
      {below}
    </li>
  );
}

type TermsList = 'technology' | 'offtake' | 'priceSupport' | 'debt';

/** An item of a list as its card needs it: where it is, its number as users count (from 1), and how to remove it. */
export interface ListItem {
  list: string;
  index: number;
  path: string;
  n: number;
  remove: () => void;
}

interface CardListSectionProps {
  /** The list of the selected structure's terms the section edits. */
  terms: TermsList;
  /** The section's id: its heading is `${id}-heading`. */
  id: string;
  heading: string;
  description: string;
  addLabel: string;
  /** The item Add appends, given the ids taken (a new item's id is unique). */
  newItem: (ids: string[]) => unknown;
  emptyText: string;
  children: (item: ListItem) => ReactNode;
}

/** An editor section that is one list of the structure's terms: what it holds, an Add button, the list's problems, and a card per item (or why there are none). */
export function CardListSection({ terms, id, heading, description, addLabel, newItem, emptyText, children }: CardListSectionProps) {
  const editor = useEditor();
  const structureIndex = useWorkspace(selectStructureIndex);
  // One string, so that the section renders again only when an item comes or goes or changes its id.
  const joined = useWorkspace((state) => (selectStructure(state)?.terms[terms] ?? []).map((item: { id: string }) => item.id).join('\u0000'));
  const ids = joined === '' ? [] : joined.split('\u0000');
  const list = `structures[${structureIndex}].terms.${terms}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="section">
      <h2 id={`${id}-heading`}>{heading}</h2>
      <div className="list-header">
        <p className="muted">{description}</p>
        <button type="button" onClick={() => editor.addListItem(list, newItem(ids))}>
          {addLabel}
        </button>
      </div>
      <ListProblems path={list} />
      {ids.length === 0 && <p className="empty-list">{emptyText}</p>}
      <ol className="cards">
        {ids.map((_, index) => (
          <Fragment key={index}>{children({ list, index, path: `${list}[${index}]`, n: index + 1, remove: () => editor.removeListItem(list, index) })}</Fragment>
        ))}
      </ol>
    </section>
  );
}

interface YearAmountRowsProps {
  /** The list of `{ year, amount }` entries. */
  path: string;
  entries: readonly { year: number | string }[];
  heading: string;
  addLabel: string;
  /** One entry in words ("fee"), and whose entries they are ("agreement 2"): "Remove fee 1 of agreement 2". */
  noun: string;
  owner: string;
}

/** Dated amounts of a card (a licence's fees, a tranche's drawdowns): a new one takes the year after the last. */
export function YearAmountRows({ path, entries, heading, addLabel, noun, owner }: YearAmountRowsProps) {
  const editor = useEditor();
  const startYear = useWorkspace((state) => state.project?.assumptions.startYear ?? 2030);
  const nextYear = entries.length > 0 ? Number(entries[entries.length - 1]?.year) + 1 : startYear;
  return (
    <div className="subtable">
      <div className="list-header">
        <h4>{heading}</h4>
        <button type="button" onClick={() => editor.addListItem(path, { year: nextYear, amount: '0' })}>
          {addLabel}
        </button>
      </div>
      <ListProblems path={path} />
      {entries.map((_, at) => (
        <div className="row-fields" key={at}>
          <NumberField path={`${path}[${at}].year`} />
          <NumberField path={`${path}[${at}].amount`} />
          <RemoveButton label={`Remove ${noun} ${at + 1} of ${owner}`} onRemove={() => editor.removeListItem(path, at)} />
        </div>
      ))}
    </div>
  );
}
