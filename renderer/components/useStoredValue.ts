import { useCallback, useId, useRef, useState } from 'react';
import { getIn, parsePath } from '../lib/paths.ts';
import { storedToText, textToStored } from '../model/valueText.ts';
import type { ValueFormat } from '../model/series.ts';
import { useEditor, useResults, useWorkspace } from '../app/context.tsx';

export type EmptyMeans = 'delete' | 'null' | 'keep';

/**
 * The text of a field bound to a path in the project. While the user types, the field shows
 * exactly what they typed; each keystroke is stored at once (one undo step per visit).
 */
export function useStoredValue(path: string, format: ValueFormat, emptyMeans: EmptyMeans = 'keep') {
  const editor = useEditor();
  const keys = parsePath(path);
  const stored = useWorkspace((state) => getIn(state.project, keys));
  const locale = useWorkspace((state) => state.locale);
  const [draft, setDraft] = useState<{ text: string; stored: unknown } | null>(null);
  const visit = useRef(0);
  const display = draft && Object.is(draft.stored, stored) ? draft.text : storedToText(stored, format, locale);

  const change = useCallback(
    (text: string) => {
      const next = text.trim() === '' && emptyMeans !== 'keep' ? (emptyMeans === 'null' ? null : undefined) : textToStored(text, format, locale);
      setDraft({ text, stored: next });
      editor.setValue(path, next, { coalesceKey: `field:${path}:${visit.current}` });
    },
    [editor, path, format, locale, emptyMeans],
  );
  const focus = useCallback(() => {
    visit.current += 1;
  }, []);
  const blur = useCallback(() => {
    setDraft(null);
    editor.endEdit();
  }, [editor]);
  return { text: display, stored, change, focus, blur };
}

export function useProblemsAt(path: string): string[] {
  return useResults((state) => state.problems).filter((problem) => problem.path === path).map((problem) => problem.message);
}

export function useFieldId(path: string): string {
  const unique = useId();
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, '_')}-${unique.replace(/[^A-Za-z0-9]/g, '')}`;
}
