// The template's placeholder marks in an interchange JSON document. The interchange refuses
// unknown fields, so the marks travel as the last paragraph of the project's notes: a person
// reading the JSON in any tool sees which inputs are invented, and Orebridge reads the paragraph
// back into marks on import (and takes it out of the notes). A paragraph naming anything that is
// not an input of the project is left in the notes as text, so nothing is lost.
import { fieldAt, formatPath, getIn, parsePath } from '../../shared/fields/index.ts';
import type { JsonObject } from './cells.ts';

const LEAD = '[Orebridge placeholders] These inputs still hold the new-venture template’s invented values, not figures for this venture: ';
const SEPARATOR = '\n\n';

/** `assumptions.prices[0]`, `[1]`, … `[11]` → `assumptions.prices[0-11]`: runs of a series' years in one entry. */
function compact(paths: readonly string[]): string[] {
  const runs: { base: string; from: number; to: number }[] = [];
  const single: string[] = [];
  for (const path of [...paths].sort(byPosition)) {
    const match = /^(.*)\[(\d+)\]$/.exec(path);
    const base = match?.[1];
    const index = Number(match?.[2]);
    const last = runs.at(-1);
    if (base !== undefined && fieldAt(path)?.position !== null && fieldAt(path)?.position !== undefined) {
      if (last && last.base === base && last.to === index - 1) last.to = index;
      else runs.push({ base, from: index, to: index });
    } else single.push(path);
  }
  return [...single, ...runs.map((run) => (run.from === run.to ? `${run.base}[${run.from}]` : `${run.base}[${run.from}-${run.to}]`))];
}

function byPosition(a: string, b: string): number {
  const key = (path: string) => path.replace(/\[(\d+)\]/g, (_, index: string) => `[${index.padStart(6, '0')}]`);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

function expand(entry: string): string[] | null {
  const range = /^(.*)\[(\d+)-(\d+)\]$/.exec(entry);
  if (!range) return [entry];
  const from = Number(range[2]);
  const to = Number(range[3]);
  if (!(from <= to) || to - from > 10_000) return null;
  return Array.from({ length: to - from + 1 }, (_, i) => `${range[1]}[${from + i}]`);
}

/** True when `path` names a number (or a number written as a string) of the engine's `project`, written canonically. */
export function namesAnInput(project: unknown, path: string): boolean {
  if (path.length > 500 || fieldAt(path) === null || formatPath(parsePath(path)) !== path) return false;
  const value = getIn(project, parsePath(path));
  return typeof value === 'number' || typeof value === 'string';
}

/** The document's tree with the marks as the last paragraph of its notes (unchanged when there are none). */
export function withPlaceholderNote(tree: JsonObject, paths: readonly string[]): JsonObject {
  if (paths.length === 0) return tree;
  const paragraph = `${LEAD}${compact(paths).join('; ')}.`;
  const notes = typeof tree.notes === 'string' && tree.notes !== '' ? `${tree.notes}${SEPARATOR}${paragraph}` : paragraph;
  return { ...tree, notes };
}

/**
 * The marks in a document's notes, and the notes without them; null when the notes hold no
 * readable marks paragraph. Notes that were only the paragraph become absent.
 */
export function takePlaceholderNote(project: unknown): { notes: string | undefined; paths: string[] } | null {
  const notes = (project as { notes?: unknown } | null)?.notes;
  if (typeof notes !== 'string') return null;
  const at = notes.lastIndexOf(LEAD);
  if (at < 0 || (at > 0 && notes.slice(at - SEPARATOR.length, at) !== SEPARATOR)) return null;
  const list = notes.slice(at + LEAD.length);
  if (!list.endsWith('.')) return null;
  const paths: string[] = [];
  for (const entry of list.slice(0, -1).split('; ')) {
    const expanded = expand(entry);
    if (!expanded || !expanded.every((path) => namesAnInput(project, path))) return null;
    paths.push(...expanded);
  }
  const rest = at === 0 ? '' : notes.slice(0, at - SEPARATOR.length);
  return { notes: rest === '' ? undefined : rest, paths };
}
