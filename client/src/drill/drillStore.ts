/**
 * Where drills are kept while they run: the extension's global state (VS Code keeps it outside
 * the extension host, so a crash of the host loses nothing, and a window reload reads it back),
 * one key per drill, so that two windows running drills do not write over each other's. A drill
 * is saved after every transition, before the page shows it; it is kept until it is recorded
 * into the plan and its panel is closed, or the person discards it. Pure apart from the
 * Memento it is given (test/unit checks it with a map).
 */
import { drillStateOf, phaseOf, type DrillState } from './drillSession';

/** The part of vscode.Memento the store uses. */
export interface DrillMemento {
  keys(): readonly string[];
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

const PREFIX = 'drplan.drill/';

export class DrillStore {
  constructor(private readonly memento: DrillMemento) {}

  /** Every drill kept, the oldest start first (those not started last). */
  all(): DrillState[] {
    return this.memento
      .keys()
      .filter((key) => key.startsWith(PREFIX))
      .flatMap((key) => {
        const state = drillStateOf(this.memento.get(key));
        return state && key === PREFIX + state.id ? [state] : [];
      })
      .sort((a, b) => (a.started?.at ?? Infinity) - (b.started?.at ?? Infinity));
  }

  get(id: string): DrillState | undefined {
    const state = drillStateOf(this.memento.get(PREFIX + id));
    return state?.id === id ? state : undefined;
  }

  /** Drills begun and not yet recorded, of one plan (its URI's text) or of all. */
  unfinished(plan?: string): DrillState[] {
    return this.all().filter((state) => phaseOf(state) !== 'recorded' && phaseOf(state) !== 'ready' && (plan === undefined || state.plan === plan));
  }

  /** Keeps `state` unless a newer copy of the drill is kept already; answers the one kept. */
  async save(state: DrillState): Promise<DrillState> {
    const kept = this.get(state.id);
    if (kept && kept.revision > state.revision) return kept;
    await this.memento.update(PREFIX + state.id, state);
    return state;
  }

  /**
   * The drill a panel brought back by a reload shows: the newer of its page's copy and the one
   * kept. Without a page copy (the window closed before the new panel's page had started, and
   * VS Code saved the panel without its page's state) it is the newest drill kept whose panel
   * had the restored one's title, of those the window may have shown (`mayHaveShown`: no panel
   * of its own now, a plan of this workspace; the store is shared by all windows). None when the
   * drill is gone (a recorded copy no longer kept is not brought back).
   */
  restored(pageCopy: DrillState | undefined, panel: { readonly title: string; readonly titleOf: (state: DrillState) => string; readonly mayHaveShown: (state: DrillState) => boolean }): DrillState | undefined {
    if (pageCopy) {
      const kept = this.get(pageCopy.id);
      if (!kept) return phaseOf(pageCopy) === 'recorded' ? undefined : pageCopy;
      return kept.revision >= pageCopy.revision ? kept : pageCopy;
    }
    return this.all()
      .filter((state) => panel.titleOf(state) === panel.title && panel.mayHaveShown(state))
      .at(-1);
  }

  async remove(id: string): Promise<void> {
    await this.memento.update(PREFIX + id, undefined);
  }
}
