import type { FileKind } from './types.ts';

export const EXTENSIONS: Record<FileKind, string> = { project: '.orebridge', share: '.orebridge', json: '.json', xlsx: '.xlsx', csv: '.csv', pdf: '.pdf' };

// Device names Windows reserves (where a shared folder may end up), whatever follows the first
// dot, and with the spaces and dots Windows ignores before it: "AUX .orebridge" is AUX.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;
// Characters that make a name read differently from what it is: bidirectional controls, zero-width
// characters and invisible formatting.
const INVISIBLE = /[\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]/u;

function deviceName(name: string): string {
  return (name.split('.')[0] ?? '').replace(/[ .]+$/, '');
}

/** A bare file name the renderer may give in browser mode: no folders, no traversal, the right
 * extension. Returns the problem, or null when the name is fine. */
export function fileNameProblem(name: string, kind: FileKind): string | null {
  const extension = EXTENSIONS[kind];
  if (name !== name.trim()) return 'A file name cannot start or end with a space.';
  if (/[/\\]/.test(name)) return 'Give a file name only, without a folder.';
  if (name === '.' || name === '..' || name.startsWith('.')) return 'A file name cannot start with a dot.';
  if (/[\u0000-\u001f<>:"|?*]/.test(name)) return 'A file name cannot contain < > : " | ? * or control characters.';
  if (INVISIBLE.test(name)) return 'A file name cannot contain invisible or right-to-left control characters.';
  if (RESERVED.test(deviceName(name))) return `"${deviceName(name)}" is a device name Windows reserves; choose another name.`;
  if (/[ .]\.[^.]+$/.test(name)) return 'A file name cannot end in a space or a dot before its extension.';
  if (!name.toLowerCase().endsWith(extension) || name.length === extension.length) return `The file name must end in ${extension}.`;
  if (Buffer.byteLength(name) > 255) return 'The file name is too long.';
  return null;
}

export function suggestedFileName(projectName: string | null | undefined, kind: FileKind): string {
  const base = (projectName ?? '').replace(/[/\\<>:"|?*\u0000-\u001f]+/g, ' ').replace(/^\.+/, '').trim() || 'Untitled';
  return `${base}${kind === 'share' ? ' (shared)' : ''}${EXTENSIONS[kind]}`;
}

/** The name the user typed for a new file, kept as typed: only the kind's extension is added when it is missing. */
export function typedFileName(typed: string, kind: FileKind): string {
  const name = typed.trim();
  return name.toLowerCase().endsWith(EXTENSIONS[kind]) ? name : `${name}${EXTENSIONS[kind]}`;
}
