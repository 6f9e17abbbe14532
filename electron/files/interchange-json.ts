// JSON project documents coming in: parsed by the engine for validation, and with their number
// literals as written for storage.
import { parseProjectText, validateProject } from '../../shared/engine/index.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import { jsonSyntaxDetail, shapeProblem } from './json-depth.ts';
import { parseWithLiterals } from './literal-json.ts';
import { invalidProjectError } from './messages.ts';
import type { FileResult } from './types.ts';

export interface ParsedInterchange {
  project: Project;
  /** The same document with NumberLiterals, for storage. */
  tree: unknown;
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
  const validation = validateProject(parsed);
  if (!validation.ok) {
    return { ok: false, error: invalidProjectError(validation.problems, what) };
  }
  return { ok: true, value: { project: validation.project, tree } };
}

export function parseInterchangeText(text: string): FileResult<Project> {
  const parsed = parseInterchange(text);
  return parsed.ok ? { ok: true, value: parsed.value.project } : parsed;
}
