/**
 * The custom LSP request of the command "DR-Plan: Neuen Plan anlegen", shared by the server and
 * the VS Code client (which so does not bundle the catalog and the core). Plain names and shapes
 * only, so both sides import it without pulling anything in. Any other LSP client may send it.
 */

/**
 * `drplan/newPlan` → {@link NewPlanResult}: the text of a new plan with every scenario of the
 * catalog, its comments in the server's language (`initialize`), dated the server's today.
 * Takes no parameters.
 */
export const NEW_PLAN_REQUEST = 'drplan/newPlan';

export interface NewPlanResult {
  readonly text: string;
}
