// Paths in the form the validator reports them (`structures[0].terms.partners[2].equity`), and
// immutable reads and writes at such a path.
export type PathKey = string | number;

export function parsePath(path: string): PathKey[] {
  const keys: PathKey[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[2] !== undefined) keys.push(Number(match[2]));
    else if (match[1] !== undefined) keys.push(match[1]);
  }
  return keys;
}

export function formatPath(keys: readonly PathKey[]): string {
  return keys.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key), '');
}

/** `structures[0].terms.partners[2].equity` → `structures[].terms.partners[].equity`. */
export function patternOf(path: string): string {
  return patternOfKeys(parsePath(path));
}

/** patternOf for a path already parsed. */
export function patternOfKeys(keys: readonly PathKey[]): string {
  return formatPath(keys.map((key) => (typeof key === 'number' ? -1 : key))).replace(/\[-1\]/g, '[]');
}

export function getIn(root: unknown, keys: readonly PathKey[]): unknown {
  let node: unknown = root;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Returns a copy of root with the value at keys replaced; `undefined` deletes an object key. */
export function setIn<T>(root: T, keys: readonly PathKey[], value: unknown): T {
  if (keys.length === 0) return value as T;
  const [head, ...rest] = keys as [PathKey, ...PathKey[]];
  const node = (root ?? (typeof head === 'number' ? [] : {})) as unknown;
  const child = setIn((node as Record<string | number, unknown>)[head], rest, value);
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[head as number] = child;
    return copy as T;
  }
  const copy = { ...(node as Record<string, unknown>) };
  if (child === undefined) delete copy[head as string];
  else copy[head as string] = child;
  return copy as T;
}
