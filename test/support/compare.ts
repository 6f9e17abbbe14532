import { Dec } from '../../shared/engine/arithmetic.ts';

const NUMERIC = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * Differences between an expected and an actual interchange document: numbers (decimal strings)
 * within `relative` × |expected| (or `absolute` near zero), rows with ids matched by id.
 */
export function differences(expected: unknown, actual: unknown, relative: number, absolute: number, path = ''): string[] {
  const out: string[] = [];
  const walk = (e: unknown, a: unknown, p: string) => {
    if (out.length >= 10) return;
    if (e === null || typeof e !== 'object') {
      if (typeof e === 'string' && NUMERIC.test(e) && typeof a === 'string' && NUMERIC.test(a)) {
        const de = new Dec(e);
        const tolerance = Dec.max(de.abs().times(relative), absolute);
        if (new Dec(a).minus(de).abs().gt(tolerance)) out.push(`${p}: expected ${e}, got ${a}`);
      } else if (e !== a) out.push(`${p}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
      return;
    }
    if (a === null || typeof a !== 'object') {
      out.push(`${p}: expected a structure, got ${JSON.stringify(a)}`);
      return;
    }
    if (Array.isArray(e)) {
      const byId = e.length > 0 && e.every((r) => r && typeof r === 'object' && 'id' in r);
      const actualList = Array.isArray(a) ? a : [];
      if (byId) {
        const ids = (rows: unknown[]) => rows.map((r) => (r as { id: string }).id);
        if (ids(e).join() !== ids(actualList).join()) out.push(`${p}: expected ids ${ids(e).join()}, got ${ids(actualList).join()}`);
        e.forEach((row) => walk(row, actualList.find((r) => (r as { id: string }).id === (row as { id: string }).id), `${p}[${(row as { id: string }).id}]`));
        return;
      }
      if (actualList.length !== e.length) out.push(`${p}: expected ${e.length} entries, got ${actualList.length}`);
      e.forEach((v, i) => walk(v, actualList[i], `${p}[${i}]`));
      return;
    }
    const actualObject = a as Record<string, unknown>;
    for (const [k, v] of Object.entries(e)) {
      if (!(k in actualObject)) out.push(`${p}.${k}: missing`);
      else walk(v, actualObject[k], `${p}.${k}`);
    }
  };
  walk(expected, actual, path);
  return out;
}
