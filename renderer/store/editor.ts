// The headless editor: every change to the workspace goes through these commands, whether it
// comes from a control, a keyboard shortcut, a menu or a test.
import type { Overrides, Project, Shock, Structure } from '../../shared/engine/interchange.ts';
import type { DocumentMetadata } from '../../shared/contract.ts';
import { formatPath, getIn, parsePath, setIn, type PathKey } from '../lib/paths.ts';
import { seriesByKey, YEARLY_SERIES, type SeriesDefinition } from '../model/series.ts';
import { textToStored } from '../model/valueText.ts';
import { changeYears } from '../model/yearsChange.ts';
import { versionAfterEdit } from '../model/versionUpgrade.ts';
import { projectVersion } from '../../shared/engine/validate-v2.ts';
import { placeholdersAt, templatePlaceholders } from '../model/placeholders.ts';
import { pasteSummary, planPaste, type PasteChoices, type PastePlan, type PasteTarget } from '../model/pastePlan.ts';
import { newPartner, newVentureProject, uniqueId } from './defaultProject.ts';
import { selectStructureIndex } from './selectors.ts';
import type { CompareChoice, DocumentRef, Notice, SectionId, WorkspaceState } from './types.ts';
import type { WorkspaceStore } from './workspaceStore.ts';
import { sectionForPath } from './sections.ts';

const HISTORY_LIMIT = 500;
const YEARS_KEY = 'set:assumptions.years';
/** The `data-path` of the Results panel that prices stabilisation (a focus target, not a project field). */
export const STABILISATION_PANEL_PATH = 'results.stabilisation';

export interface EditOptions {
  /** Edits with the same key in a row are one undo step. */
  coalesceKey?: string;
}

export type Editor = ReturnType<typeof createEditor>;

export function createEditor(store: WorkspaceStore) {
  const get = () => store.getState();
  let focusNonce = 0;

  function commit(update: (project: Project) => Project, options: EditOptions = {}): void {
    const state = get();
    if (!state.project) return;
    const edited = update(state.project);
    if (edited === state.project) return;
    // The first v2 instrument makes the project version 2 in the same step, so one undo reverts both.
    const { project: next, message } = versionAfterEdit(state.project, edited, state.savedProject ? projectVersion(state.savedProject.version) : null);
    const key = options.coalesceKey ?? null;
    const merge = key !== null && key === state.coalesceKey && state.future.length === 0 && state.past.length > 0;
    const past = merge ? state.past : [...state.past, state.project].slice(-HISTORY_LIMIT);
    store.setState({ project: next, past, future: [], coalesceKey: key, ...(message ? { notice: { kind: 'info', message, persist: true } } : {}) });
  }

  function structurePath(relative: string): string {
    const index = selectStructureIndex(get());
    return relative ? `structures[${index}].terms.${relative}` : `structures[${index}].terms`;
  }

  /** Typing into a placeholder replaces it, even with the same number. */
  function confirmPlaceholders(paths: readonly string[]): void {
    const { placeholders, confirmedPlaceholders } = get();
    if (!placeholders) return;
    const fresh = paths.filter((path) => path in placeholders && !confirmedPlaceholders.includes(path));
    if (fresh.length > 0) store.setState({ confirmedPlaceholders: [...confirmedPlaceholders, ...fresh] });
  }

  function setValue(path: string, value: unknown, options?: EditOptions): void {
    confirmPlaceholders([formatPath(parsePath(path) as PathKey[])]);
    const keys = parsePath(path);
    commit((project) => (Object.is(getIn(project, keys), value) ? project : setIn(project, keys, value)), options);
  }

  function listAt(project: Project, path: string): unknown[] {
    const list = getIn(project, parsePath(path));
    return Array.isArray(list) ? list : [];
  }

  /** Keyboard users land where they acted: on the item added, or on the one that took the removed one's place. */
  function focusListItem(path: string, index: number): void {
    const project = get().project;
    if (!project || index < 0 || index >= listAt(project, path).length) return;
    focusNonce += 1;
    store.setState({ focusRequest: { path: `${path}[${index}]`, nonce: focusNonce } });
  }

  function addListItem(path: string, item: unknown, moveFocus = true): void {
    commit((project) => setIn(project, parsePath(path), [...listAt(project, path), item]));
    const project = get().project;
    if (moveFocus && project) focusListItem(path, listAt(project, path).length - 1);
  }

  function removeListItem(path: string, index: number, moveFocus = true): void {
    commit((project) => setIn(project, parsePath(path), listAt(project, path).filter((_, at) => at !== index)));
    const project = get().project;
    if (moveFocus && project) focusListItem(path, Math.min(index, listAt(project, path).length - 1));
  }

  function moveListItem(path: string, index: number, delta: number): void {
    commit((project) => {
      const list = listAt(project, path).slice();
      const target = index + delta;
      if (index < 0 || index >= list.length || target < 0 || target >= list.length) return project;
      const [item] = list.splice(index, 1);
      list.splice(target, 0, item);
      return setIn(project, parsePath(path), list);
    });
  }

  function select(partial: Partial<WorkspaceState>): void {
    store.setState(partial);
  }

  /** Shows a project; `saved` when it is exactly what the document's file holds. */
  function loadProject(project: Project, document: DocumentRef | null = null, saved = false, metadata: DocumentMetadata = { internalScenarios: [], privateNotes: [], placeholders: [] }): void {
    store.setState({
      project,
      savedProject: saved ? project : null,
      document,
      metadata,
      past: [],
      future: [],
      coalesceKey: null,
      placeholders: placeholdersAt(project, metadata.placeholders),
      confirmedPlaceholders: [],
      structureId: project.structures[0]?.id ?? null,
      structureIndexHint: 0,
      scenarioId: project.scenarios[0]?.id ?? null,
      section: 'venture',
      compare: { ...get().compare, structures: project.structures.map((s) => s.id).slice(0, 4), scenarios: project.scenarios.slice(0, 1).map((s) => s.id), reference: project.structures[0]?.id ?? null },
      termSheet: { left: project.structures[0]?.id ?? null, right: project.structures[1]?.id ?? project.structures[0]?.id ?? null },
      notice: null,
    });
  }

  const editor = {
    // ------------------------------------------------------------ document
    newVenture(startYear = new Date().getFullYear() + 1): void {
      const project = newVentureProject(startYear);
      loadProject(project, null, true);
      store.setState({ placeholders: templatePlaceholders(project), confirmedPlaceholders: [] });
    },
    loadProject,
    closeProject(): void {
      store.setState({ project: null, savedProject: null, document: null, metadata: { internalScenarios: [], privateNotes: [], placeholders: [] }, past: [], future: [], coalesceKey: null, placeholders: null, confirmedPlaceholders: [] });
    },
    /** The document's file now holds `project` (by default the current one). */
    markSaved(document: DocumentRef, project?: Project): void {
      const state = get();
      store.setState({ document, savedProject: project ?? state.project, coalesceKey: null });
    },
    attachDocument(document: DocumentRef | null): void {
      store.setState({ document });
    },
    setMetadata(metadata: DocumentMetadata): void {
      store.setState({ metadata });
    },

    // ------------------------------------------------------------ generic edits
    setValue,
    setAssumption(relativePath: string, value: unknown, options?: EditOptions): void {
      setValue(`assumptions.${relativePath}`, value, options);
    },
    /** A term of the structure being edited: `fiscal.incomeTax.rate`, `partners[1].equity`. */
    setTerm(relativePath: string, value: unknown, options?: EditOptions): void {
      setValue(structurePath(relativePath), value, options);
    },
    termPath: structurePath,
    addListItem,
    removeListItem,
    moveListItem,

    // ------------------------------------------------------------ series
    setSeriesValue(seriesKey: string, yearIndex: number, text: string, options?: EditOptions): void {
      const definition = seriesByKey(seriesKey);
      setValue(`${definition.path}[${yearIndex}]`, textToStored(text, definition.format, get().locale), options);
    },
    /**
     * Pastes tab-separated text at (series, year). One column of several lines runs along the
     * years; otherwise each line fills the next series down the grid and each cell the next year.
     * A label cell in front or numbers that read two ways come back as a question (nothing is
     * written); once answered (`choices`) the paste is written and reported, drops included.
     */
    pasteSeries(seriesKey: string, yearIndex: number, text: string, rows: readonly SeriesDefinition[] = YEARLY_SERIES, choices: PasteChoices = {}): PastePlan {
      const project = get().project;
      if (!project) return { kind: 'refused', message: 'There is no project to paste into.' };
      const a = project.assumptions;
      const target: PasteTarget = {
        rows,
        row: Math.max(0, rows.findIndex((row) => row.key === seriesKey)),
        col: yearIndex,
        years: typeof a.years === 'number' && Number.isInteger(a.years) ? a.years : Array.isArray(a.prices) ? a.prices.length : 0,
        firstYear: typeof a.startYear === 'number' ? a.startYear : 1,
        locale: get().locale,
        ...(a.currency ? { currency: a.currency } : {}),
        ...(a.productUnit ? { productUnit: a.productUnit } : {}),
      };
      const plan = planPaste(text, target, choices);
      if (plan.kind === 'refused') editor.notify({ kind: 'error', message: plan.message });
      if (plan.kind !== 'ready') return plan;
      confirmPlaceholders(plan.writes.map((write) => `${write.path}[${write.yearIndex}]`));
      commit((current) => {
        let next = current;
        for (const write of plan.writes) {
          const keys = parsePath(write.path);
          const list = ((getIn(next, keys) as unknown[] | undefined) ?? []).slice();
          if (write.yearIndex >= list.length) continue;
          list[write.yearIndex] = write.value;
          next = setIn(next, keys, list);
        }
        return next;
      });
      const message = [pasteSummary(plan.writes, target), ...plan.report].join(' ');
      editor.notify({ kind: 'info', message, ...(plan.report.length > 0 ? { persist: true } : {}) });
      return plan;
    },
    /** Copies the value at `yearIndex` into every later year of the series. */
    fillRight(seriesKey: string, yearIndex: number, rows: readonly SeriesDefinition[] = YEARLY_SERIES): void {
      const definition = rows.find((row) => row.key === seriesKey);
      if (!definition) return;
      const keys = parsePath(definition.path);
      commit((project) => {
        const list = (getIn(project, keys) as unknown[] | undefined ?? []).slice();
        if (yearIndex < 0 || yearIndex >= list.length) return project;
        const value = list[yearIndex];
        confirmPlaceholders(list.map((_, at) => `${definition.path}[${at}]`).slice(yearIndex + 1));
        for (let at = yearIndex + 1; at < list.length; at += 1) list[at] = value;
        return setIn(project, keys, list);
      });
    },
    /**
     * Changes the number of years: every yearly series (scenario and shock price decks included)
     * repeats its last value or is cut, closure moves to the new last year, and a notice says
     * what was filled or removed. Keystrokes in the field are one step, resized from the series
     * as they were before it (typing 15 passes through 1 without losing the years after the first).
     */
    setYears(text: string): void {
      const state = get();
      if (!state.project) return;
      const typing = state.coalesceKey === YEARS_KEY && state.future.length === 0 && state.past.length > 0;
      const base = typing ? (state.past[state.past.length - 1] ?? state.project) : state.project;
      const years = Number(text.trim());
      const valid = text.trim() !== '' && Number.isInteger(years) && years >= 1 && years <= 100;
      let report = '';
      commit(() => {
        if (!valid) return setIn(base, ['assumptions', 'years'], Number.isInteger(years) && text.trim() !== '' ? years : text.trim());
        const changed = changeYears(base, years, state.locale);
        report = changed.report;
        return changed.project;
      }, { coalesceKey: YEARS_KEY });
      if (report) editor.notify({ kind: 'info', message: report, persist: true });
    },

    // ------------------------------------------------------------ partners
    addPartner(): void {
      const structure = get().project?.structures[selectStructureIndex(get())];
      if (!structure) return;
      const id = uniqueId('partner', structure.terms.partners.map((p) => p.id));
      addListItem(structurePath('partners'), newPartner(id, `Partner ${structure.terms.partners.length + 1}`, '0'));
    },
    removePartner(index: number): void {
      removeListItem(structurePath('partners'), index);
    },
    movePartner(index: number, delta: number): void {
      moveListItem(structurePath('partners'), index, delta);
    },
    /** Renames a partner and every offtake, technology agreement and loan that names it. */
    setPartnerId(index: number, id: string): void {
      const structureIndex = selectStructureIndex(get());
      commit((project) => {
        const structure = project.structures[structureIndex];
        const partner = structure?.terms.partners[index];
        if (!structure || !partner) return project;
        const old = partner.id;
        // While an id is typed it may pass through another partner's id; references then stay put.
        const ownsReferences = !structure.terms.partners.some((p, at) => at !== index && p.id === old);
        const rename = (reference: string) => (ownsReferences && reference === old ? id : reference);
        const terms = {
          ...structure.terms,
          partners: structure.terms.partners.map((p, at) => (at === index ? { ...p, id } : p)),
          offtake: structure.terms.offtake.map((o) => ({ ...o, offtaker: rename(o.offtaker) })),
          technology: structure.terms.technology.map((t) => ({ ...t, licensor: rename(t.licensor) })),
          ...(structure.terms.debt ? { debt: structure.terms.debt.map((d) => ({ ...d, lender: rename(d.lender) })) } : {}),
        };
        const renamed = setIn(project, ['structures', structureIndex, 'terms'], terms);
        // A reservation belongs to the party: it follows the id when no structure still uses the old one.
        const stillUsed = renamed.structures.some((s) => s.terms.partners.some((p) => p.id === old));
        const reservations = renamed.negotiation?.reservations;
        if (stillUsed || !reservations?.some((r) => r.party === old)) return renamed;
        return setIn(renamed, ['negotiation', 'reservations'], reservations.map((r) => (r.party === old ? { ...r, party: id } : r)));
      }, { coalesceKey: `partner-id:${structureIndex}:${index}` });
    },

    // ------------------------------------------------------------ reservation values (negotiation)
    /** Records a party's reservation, starting from a minimum PV of 0 (no party signs for less than nothing). */
    addReservation(party: string): void {
      const project = get().project;
      if (!project || project.negotiation?.reservations.some((r) => r.party === party)) return;
      const reservations = [...(project.negotiation?.reservations ?? []), { party, minPv: '0' }];
      commit((p) => setIn(p, ['negotiation'], { ...p.negotiation, reservations }));
      focusListItem('negotiation.reservations', reservations.length - 1);
    },
    removeReservation(index: number): void {
      removeListItem('negotiation.reservations', index, false);
    },

    // ------------------------------------------------------------ structures and scenarios
    /** Adds a structure that starts as a copy of the one being edited, and selects it. */
    duplicateStructure(): void {
      const state = get();
      const source = state.project?.structures[selectStructureIndex(state)];
      if (!state.project || !source) return;
      const id = uniqueId(`${source.id}-copy`, state.project.structures.map((s) => s.id));
      const copy: Structure = { ...structuredClone(source), id, name: `${source.name ?? source.id} (copy)` };
      addListItem('structures', copy, false);
      // Offered in Compare at once, beside the structure it was copied from.
      const compare = get().compare;
      store.setState({ structureId: id, structureIndexHint: state.project.structures.length, compare: { ...compare, structures: [...compare.structures.filter((s) => s !== id), id] } });
    },
    removeStructure(index: number): void {
      const project = get().project;
      if (!project || project.structures.length <= 1) return;
      const removed = project.structures[index]?.id;
      removeListItem('structures', index, false);
      if (removed === get().structureId) store.setState({ structureId: get().project?.structures[0]?.id ?? null, structureIndexHint: 0 });
      else selectStructureById(get().structureId);
    },
    setStructureId(index: number, id: string): void {
      const wasSelected = get().project?.structures[index]?.id === get().structureId;
      setValue(`structures[${index}].id`, id, { coalesceKey: `id:structures[${index}]` });
      if (wasSelected) store.setState({ structureId: id, structureIndexHint: index });
    },
    addScenario(): void {
      const project = get().project;
      if (!project) return;
      const id = uniqueId('scenario', project.scenarios.map((s) => s.id));
      addListItem('scenarios', { id, name: `Scenario ${project.scenarios.length + 1}`, overrides: {} });
    },
    removeScenario(index: number): void {
      const project = get().project;
      if (!project || project.scenarios.length <= 1) return;
      const removed = project.scenarios[index]?.id;
      removeListItem('scenarios', index);
      if (removed === get().scenarioId) store.setState({ scenarioId: get().project?.scenarios[0]?.id ?? null });
    },
    setScenarioId(index: number, id: string): void {
      const wasSelected = get().project?.scenarios[index]?.id === get().scenarioId;
      setValue(`scenarios[${index}].id`, id, { coalesceKey: `id:scenarios[${index}]` });
      if (wasSelected) store.setState({ scenarioId: id });
    },
    /** Sets or (with undefined) removes one override of a scenario or shock. */
    setOverride(ownerPath: string, key: keyof Overrides, value: unknown, options?: EditOptions): void {
      setValue(`${ownerPath}.overrides.${key}`, value, options);
    },
    useDefaultShocks(useDefault: boolean): void {
      commit((project) => {
        if (useDefault) return project.shocks == null ? project : { ...project, shocks: null };
        if (project.shocks) return project;
        const shocks: Shock[] = [
          { id: 'price-30%', name: 'Prices 30 % lower', overrides: { priceFactor: '0.7' } },
          { id: 'capex+25%', name: 'Capex 25 % higher', overrides: { capexFactor: '1.25' } },
        ];
        return { ...project, shocks };
      });
    },
    addShock(): void {
      const shocks = get().project?.shocks ?? [];
      addListItem('shocks', { id: uniqueId('shock', shocks.map((s) => s.id)), name: `Shock ${shocks.length + 1}`, overrides: {} });
    },

    // ------------------------------------------------------------ history
    undo(): void {
      const state = get();
      const previous = state.past[state.past.length - 1];
      if (!state.project || !previous) return;
      store.setState({ project: previous, past: state.past.slice(0, -1), future: [state.project, ...state.future], coalesceKey: null });
      keepSelectionValid();
    },
    redo(): void {
      const state = get();
      const [next, ...future] = state.future;
      if (!state.project || !next) return;
      store.setState({ project: next, past: [...state.past, state.project], future, coalesceKey: null });
      keepSelectionValid();
    },
    /** Ends the current typing run, so the next keystroke starts a new undo step. */
    endEdit(): void {
      if (get().coalesceKey !== null) store.setState({ coalesceKey: null });
    },

    // ------------------------------------------------------------ selection and UI
    /** Results, at the panel that prices the structure's stabilisation clause (one click from the structure). */
    showStabilisationValue(): void {
      focusNonce += 1;
      select({ section: 'results', focusRequest: { path: STABILISATION_PANEL_PATH, nonce: focusNonce } });
    },
    selectSection(section: SectionId): void {
      select({ section });
    },
    selectStructure(structureId: string): void {
      selectStructureById(structureId);
    },
    selectScenario(scenarioId: string): void {
      select({ scenarioId });
    },
    setCompare(partial: Partial<CompareChoice>): void {
      select({ compare: { ...get().compare, ...partial } });
    },
    setTermSheet(side: 'left' | 'right', structureId: string): void {
      select({ termSheet: { ...get().termSheet, [side]: structureId } });
    },
    chartSeries(seriesKey: string): void {
      if (get().chartedSeries !== seriesKey) select({ chartedSeries: seriesKey });
    },
    toggleCashFlowGroup(group: string): void {
      const expanded = get().expandedCashFlowGroups;
      select({ expandedCashFlowGroups: expanded.includes(group) ? expanded.filter((g) => g !== group) : [...expanded, group] });
    },
    setLocale(locale: string): void {
      select({ locale });
    },
    showDialog(dialog: 'share' | null): void {
      select({ dialog });
    },
    notify(notice: Notice | null): void {
      select({ notice });
    },
    /** Shows the section holding `path`, selects its structure, and asks its field to take focus. */
    goToProblem(path: string): void {
      const keys = parsePath(path);
      const target = sectionForPath(keys);
      const structure = keys[0] === 'structures' && typeof keys[1] === 'number' ? get().project?.structures[keys[1]]?.id : undefined;
      focusNonce += 1;
      const structureIndex = keys[0] === 'structures' && typeof keys[1] === 'number' ? keys[1] : null;
      select({ section: target, ...(structure !== undefined && structureIndex !== null ? { structureId: structure, structureIndexHint: structureIndex } : {}), focusRequest: { path: formatPath(keys as PathKey[]), nonce: focusNonce } });
    },
  };

  function selectStructureById(structureId: string | null): void {
    const index = get().project?.structures.findIndex((s) => s.id === structureId) ?? -1;
    store.setState({ structureId, structureIndexHint: Math.max(0, index) });
  }

  function keepSelectionValid(): void {
    const state = get();
    const project = state.project;
    if (!project) return;
    if (!project.structures.some((s) => s.id === state.structureId)) store.setState({ structureId: project.structures[0]?.id ?? null, structureIndexHint: 0 });
    else if (project.structures[state.structureIndexHint]?.id !== state.structureId) selectStructureById(state.structureId);
    if (!project.scenarios.some((s) => s.id === state.scenarioId)) store.setState({ scenarioId: project.scenarios[0]?.id ?? null });
  }

  return editor;
}
