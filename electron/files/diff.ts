// Term-by-term diff of two deal structures: the one diff of the field catalogue
// (shared/fields/termSheet.ts), with the project's currency and product unit.
import type { Project, Structure } from '../../shared/engine/interchange.ts';
import { diffTerms as diffCatalogueTerms, projectValueContext } from '../../shared/fields/index.ts';
import type { TermChange } from './types.ts';

/** Every term that differs from `before` to `after`, written as users type them (en-US separators). */
export function diffTerms(before: Structure, after: Structure, project?: Project): TermChange[] {
  return diffCatalogueTerms(before, after, projectValueContext(project?.assumptions));
}
