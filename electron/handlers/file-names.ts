import type { FileKind } from './types.ts';

export const EXTENSIONS: Record<FileKind, string> = { project: '.orebridge', share: '.orebridge', json: '.json' };

// Reserved on Windows, where a shared folder may end up.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A bare file name the renderer may give in browser mode: no folders, no traversal, the right
 * extension. Returns the problem, or null when the name is fine. */
export function fileNameProblem(name: string, kind: FileKind): string | null {
  const extension = EXTENSIONS[kind];
  if (name !== name.trim()) return 'A file name cannot start or end with a space.';
  if (/[/\\]/.test(name)) return 'Give a file name only, without a folder.';
  if (name === '.' || name === '..' || name.startsWith('.')) return 'A file name cannot start with a dot.';
  if (/[\u0000-\u001f<>:"|?*]/.test(name)) return 'A file name cannot contain < > : " | ? * or control characters.';
  if (RESERVED.test(name)) return `"${name}" is a name Windows reserves.`;
  if (!name.toLowerCase().endsWith(extension) || name.length === extension.length) return `The file name must end in ${extension}.`;
  if (Buffer.byteLength(name) > 255) return 'The file name is too long.';
  return null;
}

export function suggestedFileName(projectName: string | null | undefined, kind: FileKind): string {
  const base = (projectName ?? '').replace(/[/\\<>:"|?*\u0000-\u001f]+/g, ' ').replace(/^\.+/, '').trim() || 'Untitled';
  return `${base}${kind === 'share' ? ' (shared)' : ''}${EXTENSIONS[kind]}`;
}
