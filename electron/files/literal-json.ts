// JSON with number literals kept as written. The file layer stores a number as its literal text
// and writes it back as the same literal, so an export reproduces the imported document.

/** A JSON number token, kept as its source text. */
export class NumberLiteral {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

interface ReviverContext {
  source?: string;
}

/** JSON.parse where every number becomes a NumberLiteral of its source text. Throws SyntaxError. */
export function parseWithLiterals(text: string): unknown {
  const reviver = function (this: unknown, _key: string, value: unknown, context?: ReviverContext): unknown {
    if (typeof value !== 'number') return value;
    return new NumberLiteral(context?.source ?? String(value));
  };
  return JSON.parse(text, reviver as (this: unknown, key: string, value: unknown) => unknown);
}

/** JSON.stringify that writes NumberLiterals as raw number tokens. Skips undefined like JSON.stringify. */
export function stringifyWithLiterals(value: unknown, indent = 2): string {
  return write(value, '', ' '.repeat(indent));
}

function write(value: unknown, currentIndent: string, step: string): string {
  if (value instanceof NumberLiteral) return value.text;
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  const inner = currentIndent + step;
  const newline = step === '' ? '' : '\n';
  const space = step === '' ? '' : ' ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (step !== '' && value.every(isScalar)) return `[${value.map((item) => write(item, inner, step)).join(', ')}]`;
    const items = value.map((item) => inner + (item === undefined ? 'null' : write(item, inner, step)));
    return `[${newline}${items.join(`,${newline}`)}${newline}${currentIndent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const items = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}:${space}${write(v, inner, step)}`);
    return `{${newline}${items.join(`,${newline}`)}${newline}${currentIndent}}`;
  }
  return 'null';
}

function isScalar(value: unknown): boolean {
  return value === null || value instanceof NumberLiteral || typeof value !== 'object';
}
