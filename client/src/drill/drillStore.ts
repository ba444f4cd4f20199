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

  async remove(id: string): Promise<void> {
    await this.memento.update(PREFIX + id, undefined);
  }
}
