// "Save a copy to share": only the structures and scenarios the user picks; no internal
// scenarios, notes or reservation values (the negotiation block) unless kept; built in a fresh database so no removed row ever touches it.
import { asArray, asObject, type JsonObject } from './cells.ts';
import { projectOfTree, type DocumentContent } from './content.ts';
import { parseWithLiterals, stringifyWithLiterals } from './literal-json.ts';
import type { FileResult, ShareOptions } from './types.ts';

function withoutNotes(owner: JsonObject): JsonObject {
  const { notes: _dropped, ...rest } = owner;
  return rest;
}

export function shareContent(content: DocumentContent, options: ShareOptions): FileResult<DocumentContent> {
  const project = asObject(content.tree);
  const structures = asArray(project.structures).map(asObject);
  const scenarios = asArray(project.scenarios).map(asObject);
  const structureIds = new Set(structures.map((s) => String(s.id)));
  const scenarioIds = new Set(scenarios.map((s) => String(s.id)));

  if (options.structures.length === 0) return { ok: false, error: { code: 'unknown-structure', message: 'Pick at least one structure to share.' } };
  const unknownStructure = options.structures.find((id) => !structureIds.has(id));
  if (unknownStructure !== undefined) {
    return { ok: false, error: { code: 'unknown-structure', message: `There is no structure "${unknownStructure}" in the project.` } };
  }
  const internal = new Set(content.metadata.internalScenarios);
  const pickedScenarios = options.scenarios ?? scenarios.map((s) => String(s.id)).filter((id) => !internal.has(id));
  const unknownScenario = pickedScenarios.find((id) => !scenarioIds.has(id));
  if (unknownScenario !== undefined) {
    return { ok: false, error: { code: 'unknown-scenario', message: `There is no scenario "${unknownScenario}" in the project.` } };
  }
  if (pickedScenarios.length === 0) return { ok: false, error: { code: 'unknown-scenario', message: 'Pick at least one scenario to share (every scenario is internal).' } };

  const keepStructures = new Set(options.structures);
  const keepScenarios = new Set(pickedScenarios);
  const privateNotes = new Set(content.metadata.privateNotes.map((o) => `${o.kind}\u0000${o.id ?? ''}`));
  const keepNote = (kind: string, id: string): boolean => options.keepNotes === true && !privateNotes.has(`${kind}\u0000${id}`);
  const filterNotes = (owner: JsonObject, kind: string, id: string): JsonObject => (keepNote(kind, id) ? owner : withoutNotes(owner));

  const { negotiation: _reservations, ...withoutReservations } = project;
  const shared: JsonObject = {
    ...filterNotes(options.keepReservations === true ? project : withoutReservations, 'project', ''),
    structures: structures.filter((s) => keepStructures.has(String(s.id))).map((s) => filterNotes(s, 'structure', String(s.id))),
    scenarios: scenarios.filter((s) => keepScenarios.has(String(s.id))).map((s) => filterNotes(s, 'scenario', String(s.id))),
  };
  const valid = projectOfTree(shared);
  if (!valid.ok) return valid;

  const revisions =
    options.keepRevisions === true
      ? content.revisions
          .filter((r) => keepStructures.has(r.structureId))
          .map((r) => ({
            ...r,
            note: options.keepNotes === true ? r.note : null,
            snapshot: stringifyWithLiterals(withoutNotes(asObject(parseWithLiterals(r.snapshot))), 0),
            // A round's results name the scenario they ran under: a copy without it shows them as not recorded.
            results: r.results !== null && keepScenarios.has(scenarioOfResults(r.results)) ? r.results : null,
          }))
      : [];
  return { ok: true, value: { tree: shared, metadata: { internalScenarios: [], privateNotes: [], placeholders: sharedPlaceholders(content.metadata.placeholders, structures.map((s) => keepStructures.has(String(s.id)))) }, revisions } };
}

function scenarioOfResults(results: string): string {
  try {
    const id = (JSON.parse(results) as { scenarioId?: unknown }).scenarioId;
    return typeof id === 'string' ? id : '';
  } catch {
    return '';
  }
}

/** The marks of the kept structures, renumbered to their positions in the copy; the assumptions' as they are. */
function sharedPlaceholders(paths: readonly string[], kept: readonly boolean[]): string[] {
  const newIndex = kept.map((keep, i) => (keep ? kept.slice(0, i).filter(Boolean).length : -1));
  return paths.flatMap((path) => {
    const match = /^structures\[(\d+)\](.*)$/.exec(path);
    if (!match) return [path];
    const index = newIndex[Number(match[1])] ?? -1;
    return index < 0 ? [] : [`structures[${index}]${match[2] ?? ''}`];
  });
}
