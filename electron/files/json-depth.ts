// Checks on JSON text from outside that must come before any parser sees it.
import { MAX_JSON_DEPTH, MAX_LIST_ENTRIES, MAX_PROJECT_VALUES } from './format.ts';

export interface JsonShape {
  /** The deepest nesting of objects and lists (counting stops just past the limit). */
  depth: number;
  /** The most entries of any one list (counting stops just past the limit). */
  longestList: number;
}

/**
 * The nesting and list lengths of `text` in one pass without recursion, stopping as soon as a
 * limit is passed, so a hostile document costs one scan and no parser work.
 */
export function jsonShape(text: string, maxDepth = MAX_JSON_DEPTH, maxEntries = MAX_LIST_ENTRIES): JsonShape {
  // For each open container: -1 for an object, else the entries of the list seen so far.
  const open: number[] = [];
  let deepest = 0;
  let longest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    const top = open.length - 1;
    if (top >= 0 && open[top] === 0 && c > 32 && c !== 93) open[top] = 1; // the first entry of a list
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      open.push(c === 91 ? 0 : -1);
      if (open.length > deepest) deepest = open.length;
      if (deepest > maxDepth) break;
    } else if (c === 125 || c === 93) {
      const closed = open.pop() ?? 0;
      if (closed > longest) longest = closed;
    }
    else if (c === 44 && top >= 0 && open[top]! > 0) {
      const entries = open[top]! + 1;
      open[top] = entries;
      if (entries > longest) longest = entries;
      if (longest > maxEntries) break;
    }
  }
  for (const entries of open) if (entries > longest) longest = entries;
  return { depth: deepest, longestList: Math.max(longest, 0) };
}

export function shapeProblem(text: string, what: string): string | null {
  const shape = jsonShape(text);
  if (shape.depth > MAX_JSON_DEPTH) {
    return `${what} nests objects or lists more than ${MAX_JSON_DEPTH} levels deep, which no project document does, so it was not read.`;
  }
  if (shape.longestList > MAX_LIST_ENTRIES) {
    return `${what} has a list of more than ${MAX_LIST_ENTRIES.toLocaleString('en-US')} entries, more than any project holds, so it was not read.`;
  }
  return null;
}

/**
 * A sentence when a parsed project holds more values than any project does, else null. Walks
 * without recursion and stops just past the limit, so the count costs at most that many steps.
 */
export function projectSizeProblem(project: unknown, what = 'The project', doing = 'open'): string | null {
  const waiting: unknown[] = [project];
  let values = 0;
  while (waiting.length > 0) {
    const value = waiting.pop();
    if (typeof value === 'object' && value !== null) {
      for (const inner of Array.isArray(value) ? value : Object.values(value)) waiting.push(inner);
      if (waiting.length > MAX_PROJECT_VALUES) values = MAX_PROJECT_VALUES + 1;
    } else values += 1;
    if (values > MAX_PROJECT_VALUES) {
      return `${what} is too large to ${doing} safely: it holds more than ${MAX_PROJECT_VALUES.toLocaleString('en-US')} values (a 50-structure, 5-scenario project holds about 5,500).`;
    }
  }
  return null;
}

/**
 * Where a JSON parser stopped, without quoting the text: V8's messages show the document's first
 * characters, which may be another file's content.
 */
export function jsonSyntaxDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position \d+(?: \(line \d+ column \d+\))?/.exec(message);
  if (at) return `it stops being JSON ${at[0]}`;
  if (/Unexpected end/i.test(message)) return 'it ends before the document is complete';
  return 'it does not start or continue as JSON should';
}
