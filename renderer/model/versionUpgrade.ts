// Methodology v2 in the workspace: a version-1 project becomes version 2 at the edit that gives it
// its first version-2 instrument (a loan, price support, an incentive, stabilisation, a fiscal
// change), in the same undo step, and the user is told. A project whose file is version 1 goes
// back to version 1 when its last v2 term is removed, so a version-1 file edited without keeping
// a v2 term is saved as version 1 (the file layer then writes no v2 row).
import type { Project } from '../../shared/engine/interchange.ts';
import { findVersion2Fields, projectVersion } from '../../shared/engine/validate-v2.ts';
import { fieldAt, labelOf } from '../../shared/fields/index.ts';

export interface VersionChange {
  project: Project;
  /** What the user is told, or null when the version did not change. */
  message: string | null;
}

const version2Fields = (project: Project) => findVersion2Fields(project as unknown as Record<string, unknown>);

/**
 * `next` as it should be stored after an edit of `previous`. `savedVersion`: the version of the
 * project as its file holds it (null when there is no saved state).
 */
export function versionAfterEdit(previous: Project, next: Project, savedVersion: 1 | 2 | null): VersionChange {
  const before = projectVersion(previous.version);
  if (before !== projectVersion(next.version)) return { project: next, message: null };
  if (before === 1) {
    const found = version2Fields(next);
    if (found.length === 0) return { project: next, message: null };
    // "a loan tranche", "a capital grant", "Tax holiday years": the instrument as the user added it.
    const field = fieldAt(found[0]!.path)?.field;
    const what = field?.item ?? (field?.kind === 'group' ? field.what : undefined) ?? labelOf(found[0]!.path, { project: next, byName: true });
    return {
      project: { ...next, version: 2 },
      message:
        `This project now uses methodology v2 (${what}), so it is saved as a version-2 file, ` +
        'which versions of Orebridge without methodology v2 cannot open. Undo puts it back to version 1.',
    };
  }
  if (before === 2 && savedVersion === 1 && version2Fields(previous).length > 0 && version2Fields(next).length === 0) {
    return { project: { ...next, version: 1 }, message: 'No methodology-v2 terms are left: the project is version 1 again, as its file is.' };
  }
  return { project: next, message: null };
}
