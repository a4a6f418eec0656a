// The <task-force-tracker> element's TypeScript declarations, shipped in the
// release folder. The shapes are those src/controller/effect.rs serialises;
// tests/e2e/contract.test.mjs type-checks `tft contract`'s example values
// against them with tsc, so a field renamed in Rust fails the tests here.
/** Measures per status key. */
export interface TaskForceTrackerTotals {
  completed: number; 'on-track': number; behind: number; blocked: number; 'not-started': number; dropped: number;
}
/** One task force's live figures. */
export interface TaskForceTrackerTaskForceSummary {
  id: string; name: string; measures: number; byStatus: TaskForceTrackerTotals; overdue: number;
}
/** The live figures of the data shown (src/controller/effect.rs, `Summary`). */
export interface TaskForceTrackerSummary {
  title: string; asOf: string; version: string; sample: boolean;
  measures: number; byStatus: TaskForceTrackerTotals; overdue: number;
  taskForces: TaskForceTrackerTaskForceSummary[];
}
/** The <task-force-tracker> element. Attributes: src, lang, theme, selected, refresh, timeout, loading, remember, preview. */
export interface TaskForceTrackerElement extends HTMLElement {
  /** The programme shown, as a plain object; setting it overrides src, null returns to it. */
  data: unknown;
  /** Live figures of the data shown; null before data shows. Read-only. */
  readonly summary: TaskForceTrackerSummary | null;
}
export interface TaskForceTrackerLoadDetail { source: string; asOf: string; taskForces: number; measures: number; version: string }
export interface TaskForceTrackerSelectDetail { id: string; index: number; name: string }
export interface TaskForceTrackerErrorDetail { source: string; message: string }
declare global {
  interface HTMLElementTagNameMap { 'task-force-tracker': TaskForceTrackerElement }
  interface HTMLElementEventMap {
    'tft-load': CustomEvent<TaskForceTrackerLoadDetail>;
    'tft-select': CustomEvent<TaskForceTrackerSelectDetail>;
    'tft-error': CustomEvent<TaskForceTrackerErrorDetail>;
  }
}
