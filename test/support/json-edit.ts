/** Edits of a parsed JSON document addressed by validation-style paths (`a.b[2].c`). */
export type JsonContainer = Record<string, unknown> | unknown[];
export type Edit = (doc: JsonContainer) => void;

const steps = (path: string): (string | number)[] =>
  [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));

function container(value: unknown, path: string): JsonContainer {
  if (typeof value === 'object' && value !== null) return value as JsonContainer;
  throw new Error(`${path} is not an object or list`);
}

function parentOf(doc: JsonContainer, path: string): [JsonContainer, string | number] {
  const keys = steps(path);
  let node: JsonContainer = doc;
  for (const key of keys.slice(0, -1)) node = container((node as Record<string | number, unknown>)[key], path);
  return [node, keys[keys.length - 1]!];
}

export function getAt(doc: JsonContainer, path: string): unknown {
  const [parent, key] = parentOf(doc, path);
  return (parent as Record<string | number, unknown>)[key];
}

export const set = (path: string, value: unknown): Edit => (doc) => {
  const [parent, key] = parentOf(doc, path);
  (parent as Record<string | number, unknown>)[key] = value;
};

export const remove = (path: string): Edit => (doc) => {
  const [parent, key] = parentOf(doc, path);
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete (parent as Record<string, unknown>)[key];
};

export const push = (path: string, value: unknown): Edit => (doc) => {
  const list = getAt(doc, path);
  if (!Array.isArray(list)) throw new Error(`${path} is not a list`);
  list.push(value);
};

export const applyEdits = (doc: JsonContainer, edits: readonly Edit[]) => {
  for (const edit of edits) edit(doc);
  return doc;
};
