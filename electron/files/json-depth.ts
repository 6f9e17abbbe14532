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
 * without recursion and stops as soon as it has seen more values, or more containers and values
 * waiting, than the limit, so it costs a bounded number of steps whatever it is given (it runs on
 * the main thread before a request's project goes to a worker).
 */
export function projectSizeProblem(project: unknown, what = 'The project', doing = 'open'): string | null {
  const tooLarge = `${what} is too large to ${doing} safely: it holds more than ${MAX_PROJECT_VALUES.toLocaleString('en-US')} values (a 50-structure, 5-scenario project holds about 5,500).`;
  // Containers count towards a second budget, so that lists of empty lists cost no more.
  const maxNodes = 2 * MAX_PROJECT_VALUES;
  const waiting: unknown[] = [project];
  let values = 0;
  let nodes = 0;
  while (waiting.length > 0) {
    const value = waiting.pop();
    nodes += 1;
    if (typeof value !== 'object' || value === null) {
      values += 1;
      if (values > MAX_PROJECT_VALUES) return tooLarge;
      continue;
    }
    if (Array.isArray(value)) {
      if (nodes + waiting.length + value.length > maxNodes) return tooLarge;
      for (const item of value) waiting.push(item);
    } else {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        if (nodes + waiting.length >= maxNodes) return tooLarge;
        waiting.push((value as Record<string, unknown>)[key]);
      }
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
