// Checks on JSON text from outside that must come before any parser sees it.
import { MAX_JSON_DEPTH } from './format.ts';

/**
 * The deepest nesting of objects and arrays in `text`, stopping as soon as it passes `limit`
 * (so a hostile document costs one pass and no recursion).
 */
export function jsonNestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

export function nestingProblem(text: string, what: string): string | null {
  return jsonNestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH
    ? `${what} nests objects or lists more than ${MAX_JSON_DEPTH} levels deep, which no project document does, so it was not read.`
    : null;
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
