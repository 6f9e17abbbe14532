// Paths in the form the validator reports them: `structures[0].terms.partners[2].equity`.
// Parsing, reading and writing them are the field catalogue's (shared/fields/paths.ts).
export { formatPath, getIn, parsePath, setIn, type PathKey } from '../../shared/fields/paths.ts';

export function isPathWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

export function fieldDomId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
