// JSON project documents coming in: parsed by the engine for validation, and with their number
// literals as written for storage.
import { parseProjectText, validateProject } from '../../shared/engine/index.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import { jsonSyntaxDetail, projectSizeProblem, shapeProblem } from './json-depth.ts';
import { parseWithLiterals } from './literal-json.ts';
import { invalidProjectError } from './messages.ts';
import type { FileResult } from './types.ts';
import type { JsonObject } from './cells.ts';
import { takePlaceholderNote } from './placeholder-note.ts';

export interface ParsedInterchange {
  project: Project;
  /** The same document with NumberLiterals, for storage. */
  tree: unknown;
  /** The template's placeholder marks the document's notes carried (see placeholder-note.ts), taken out of its notes. */
  placeholders: string[];
}

export function parseInterchange(text: string, what = 'The JSON project'): FileResult<ParsedInterchange> {
  const tooDeep = shapeProblem(text, what);
  if (tooDeep) return { ok: false, error: { code: 'not-json', message: tooDeep } };
  let parsed: unknown;
  let tree: unknown;
  try {
    parsed = parseProjectText(text);
    tree = parseWithLiterals(text);
  } catch (error) {
    return { ok: false, error: { code: 'not-json', message: `${what} is not valid JSON (${jsonSyntaxDetail(error)}).` } };
  }
  const tooLarge = projectSizeProblem(parsed, what);
  if (tooLarge) return { ok: false, error: { code: 'too-large', message: tooLarge } };
  const validation = validateProject(parsed);
  if (!validation.ok) {
    return { ok: false, error: invalidProjectError(validation.problems, what) };
  }
  const marks = takePlaceholderNote(validation.project);
  if (!marks) return { ok: true, value: { project: validation.project, tree, placeholders: [] } };
  return {
    ok: true,
    value: { project: withNotes(validation.project, marks.notes), tree: withNotes(tree as JsonObject, marks.notes), placeholders: marks.paths },
  };
}

export function parseInterchangeText(text: string): FileResult<Project> {
  const parsed = parseInterchange(text);
  return parsed.ok ? { ok: true, value: parsed.value.project } : parsed;
}

function withNotes<T extends object>(owner: T, notes: string | undefined): T {
  const { notes: _old, ...rest } = owner as T & { notes?: unknown };
  return (notes === undefined ? rest : { ...rest, notes }) as T;
}
