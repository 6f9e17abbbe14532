import { Dec } from './arithmetic.ts';

interface ReviverContext {
  source?: string;
}

/**
 * JSON.parse that reads every number literal exactly: a literal that a double holds exactly
 * stays a number, any other stays as its decimal text, so nothing is read through a binary
 * float. Throws SyntaxError on malformed JSON.
 */
export function parseProjectText(text: string): unknown {
  const reviver = function (this: unknown, _key: string, value: unknown, context?: ReviverContext): unknown {
    if (typeof value !== 'number' || context?.source === undefined) return value;
    const source = context.source;
    return new Dec(source).eq(new Dec(value)) ? value : source;
  };
  return JSON.parse(text, reviver as (this: unknown, key: string, value: unknown) => unknown);
}
