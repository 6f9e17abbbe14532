import type { Project } from '../../shared/engine/interchange.ts';
import type { DocumentMetadata } from '../../shared/contract.ts';
import type { Placeholders } from '../model/placeholders.ts';

export type SectionId =
  | 'venture'
  | 'mine-plan'
  | 'partners'
  | 'fiscal'
  | 'financing'
  | 'technology'
  | 'offtake'
  | 'scenarios'
  | 'results'
  | 'compare'
  | 'risk'
  | 'rounds'
  | 'deal-space';

/** The back end's open document this project belongs to (see shared/contract.ts). */
export interface DocumentRef {
  documentId: string;
  /** File name for the title bar, or "Untitled". */
  name: string;
  untitled: boolean;
  readOnly: boolean;
  /** Main's answer to "unsaved?" (it compares the working copy with what was last saved). */
  dirty?: boolean;
}

export interface DocumentSlice {
  project: Project | null;
  /** The project as last saved or opened; the document is unsaved when it differs. */
  savedProject: Project | null;
  document: DocumentRef | null;
  /** File-level facts outside the project: internal scenarios, private notes (not undoable). */
  metadata: DocumentMetadata;
  past: Project[];
  future: Project[];
  /** Consecutive edits with the same key merge into one undo step (typing into one field). */
  coalesceKey: string | null;
  /** The new-venture template's invented numbers (path → value), null for any other project. */
  placeholders: Placeholders | null;
  /** Placeholder paths the user typed into (a placeholder confirmed by typing the same number). */
  confirmedPlaceholders: string[];
}

export interface CompareChoice {
  structures: string[];
  scenarios: string[];
  reference: string | null;
  metrics: string[];
  /** One row per structure and scenario (metrics across), or one row per metric. */
  layout: 'cases-as-rows' | 'metrics-as-rows';
}

export interface SelectionSlice {
  structureId: string | null;
  /** Where the selected structure was last seen: ids may be equal for a moment while one is typed. */
  structureIndexHint: number;
  scenarioId: string | null;
  section: SectionId;
  compare: CompareChoice;
  termSheet: { left: string | null; right: string | null };
  /** The grid row whose chart is shown beside the mine-plan grid. */
  chartedSeries: string;
}

export interface Notice {
  kind: 'info' | 'error';
  message: string;
  /** Stays until dismissed: it reports something the user should read (what a paste dropped). */
  persist?: boolean;
  /** A follow-up the user may take, e.g. opening a file that is locked elsewhere read-only. */
  action?: { label: string; command: 'open-read-only'; handle: string };
  /** Choices the user must make before anything happens (a file changed by another program). */
  choices?: { label: string; command: 'save-copy' | 'overwrite' | 'reload' }[];
}

export interface UiSlice {
  locale: string;
  /** A request to move focus to the field at `path`; `nonce` makes repeated requests distinct. */
  focusRequest: { path: string; nonce: number } | null;
  expandedCashFlowGroups: string[];
  notice: Notice | null;
  /** A dialog the workspace shows over everything (opened from a button or the native menu). */
  dialog: 'share' | null;
  /** Work on a file the back end is doing for this window (opening, importing), once it takes a moment. */
  fileWork: FileWork | null;
}

export interface FileWork {
  /** The id the back end knows the work by (workStatus, cancelWork). */
  id: string;
  /** What the back end says it is doing, e.g. "Opening Deal.orebridge". */
  label: string;
  elapsedMs: number;
  /** Cancel was asked for; the answer is on its way. */
  cancelling: boolean;
}

export type WorkspaceState = DocumentSlice & SelectionSlice & UiSlice;
