/**
 * The page of the drill panel: the same strict Content-Security-Policy as the preview (nothing
 * but the one script by its nonce and the extension's stylesheet), the page's own words and the
 * drill's first state as data attributes, and the containers media/drill.js fills. The script
 * builds every element from the state with textContent: plan text is never markup. Pure (no
 * `vscode`), so test/unit checks it.
 */
import { escapeHtml, pageHead } from '../preview/previewShell';
import type { DrillState, DrillView } from './drillSession';

/** The page's own words, in the display language (keys as media/drill.js reads them). */
export type DrillLabels = Readonly<Record<DrillLabel, string>>;

export const DRILL_LABELS = [
  'heading',
  'plan',
  'elapsed',
  'notStarted',
  'recoveryTime',
  'rto',
  'rpo',
  'noDataLoss',
  'notGiven',
  'plannedMarker',
  'overRecoveryTime',
  'overRto',
  'withinRto',
  'steps',
  'planned',
  'responsible',
  'measured',
  'running',
  'skipped',
  'note',
  'done',
  'skip',
  'skipNeedsNote',
  'start',
  'undo',
  'endRecovery',
  'discard',
  'noSteps',
  'outcome',
  'dataLoss',
  'dataLossHint',
  'dataLossInvalid',
  'result',
  'resultMissing',
  'kind',
  'kindMissing',
  'conductedBy',
  'notes',
  'record',
  'exportReport',
  'showPlan',
  'recorded',
  'startedAt',
  'recoveryMeasured',
  'stepDone',
  'stepSkipped',
  'toolbar',
] as const;
export type DrillLabel = (typeof DRILL_LABELS)[number];

export interface DrillPageOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** Fresh for every page (createNonce). */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly labels: DrillLabels;
  readonly view: DrillView;
  /** The whole state, which the page keeps as its webview state (a second copy across reloads). */
  readonly state: DrillState;
  /** BCP 47 language of the page's own words. */
  readonly language: string;
}

export function drillPage(options: DrillPageOptions): string {
  const { nonce } = options;
  const attribute = escapeHtml;
  return [
    ...pageHead(options.language, options.cspSource, nonce),
    `<link rel="stylesheet" href="${attribute(options.styleUri)}">`,
    '</head>',
    `<body data-labels="${attribute(JSON.stringify(options.labels))}" data-view="${attribute(JSON.stringify(options.view))}" data-state="${attribute(JSON.stringify(options.state))}">`,
    '<main id="drill" class="drill" aria-labelledby="drill-title">',
    '<header class="drill-header"><h1 id="drill-title"></h1><p id="drill-plan" class="drill-plan"></p></header>',
    '<section id="drill-clock" class="drill-clock" aria-labelledby="drill-elapsed-label"></section>',
    '<section id="drill-steps" class="drill-steps" aria-labelledby="drill-steps-title"></section>',
    '<section id="drill-outcome" class="drill-outcome" aria-labelledby="drill-outcome-title"></section>',
    `<div id="drill-actions" class="drill-actions" role="toolbar" aria-label="${attribute(options.labels.toolbar)}"></div>`,
    '<div id="drill-status" class="drill-status" role="status" aria-live="polite"></div>',
    '</main>',
    `<script nonce="${attribute(nonce)}" src="${attribute(options.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
