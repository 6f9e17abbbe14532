import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { getIn, parsePath } from '../lib/paths.ts';
import { readField, storedToText, textToStored, type FieldUnits } from '../model/valueText.ts';
import type { ValueFormat } from '../model/series.ts';
import { fieldNumber } from '../model/fieldNumber.ts';
import { useEditor, useResults, useWorkspace } from '../app/context.tsx';
import { problemInWords } from '../../shared/fields/messages.ts';

export type EmptyMeans = 'delete' | 'null' | 'keep';

/**
 * The text of a field bound to a path in the project. While the user types, the field shows
 * exactly what they typed; each keystroke is stored at once (one undo step per visit).
 */
export function useStoredValue(path: string, shownFormat: ValueFormat, emptyMeans: EmptyMeans = 'keep', shownUnit?: string) {
  const editor = useEditor();
  // The field catalogue decides how typed text is read; the caller's format and unit only stand
  // in for paths the catalogue does not know.
  const catalogued = fieldNumber(path);
  const format = catalogued?.kind ?? shownFormat;
  const units = useFieldUnits(catalogued?.unit ?? shownUnit);
  const keys = parsePath(path);
  const stored = useWorkspace((state) => getIn(state.project, keys));
  const locale = useWorkspace((state) => state.locale);
  const [draft, setDraft] = useState<{ text: string; stored: unknown; problem: string | null } | null>(null);
  const visit = useRef(0);
  const display = draft && Object.is(draft.stored, stored) ? draft.text : storedToText(stored, format, locale);

  const change = useCallback(
    (text: string) => {
      const empty = text.trim() === '' && emptyMeans !== 'keep';
      const next = empty ? (emptyMeans === 'null' ? null : undefined) : textToStored(text, format, locale, units);
      const read = empty || text.trim() === '' ? null : readField(text, format, locale, units);
      setDraft({ text, stored: next, problem: read && !read.ok ? read.message : null });
      editor.setValue(path, next, { coalesceKey: `field:${path}:${visit.current}` });
    },
    [editor, path, format, locale, emptyMeans, units],
  );
  const focus = useCallback(() => {
    visit.current += 1;
  }, []);
  const blur = useCallback(() => {
    setDraft(null);
    editor.endEdit();
  }, [editor]);
  // What the typed text could not be read as stays on screen with the text, until it is edited.
  const problem = draft && Object.is(draft.stored, stored) ? draft.problem : null;
  return { text: display, stored, change, focus, blur, problem };
}

/** The venture's currency and the field's unit (with the product unit filled in), for reading typed text. */
export function useFieldUnits(unitTemplate: string | undefined): FieldUnits {
  const currency = useWorkspace((state) => state.project?.assumptions.currency ?? '');
  const productUnit = useWorkspace((state) => state.project?.assumptions.productUnit ?? '');
  return useMemo(() => {
    const unit = unitTemplate?.replace('{productUnit}', productUnit || 'unit');
    return { ...(currency ? { currency } : {}), ...(unit ? { unit } : {}) };
  }, [currency, productUnit, unitTemplate]);
}

/** The problems at a field, told in the user's words with the field's catalogue label. */
export function useProblemsAt(path: string): string[] {
  const project = useWorkspace((state) => state.project);
  const locale = useWorkspace((state) => state.locale);
  return useResults((state) => state.problems).filter((problem) => problem.path === path).map((problem) => problemInWords(problem, project, locale).message);
}

export function useFieldId(path: string): string {
  const unique = useId();
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, '_')}-${unique.replace(/[^A-Za-z0-9]/g, '')}`;
}
