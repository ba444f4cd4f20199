import { latestRecoveryExercise } from '../../model/queries';
import { col, durationValue, short, table } from '../blocks';
import type { DocumentContext, ScenarioGroup } from '../context';
import { STATUS_TEXTS } from '../scenarioStatus';
import { LABELS, SEED, TERMS } from '../texts';
import { emphasis, link, strong, text, type Block, type Inline, type Table, type TableRow } from '../tree';
import type { Chapter } from './chapter';
import { scenarioBlocks } from './scenario';

/** Disaster-Recovery-Plan: the overview matrix, then every scenario, grouped by category. */
export const drPlan: Chapter = (context) => {
  const line = context.keyLine(context.model.keys.scenarios);
  const chapter = context.heading(1, 'dr-plan', 'Disaster-Recovery-Plan', line);
  const blocks: Block[] = [chapter, { kind: 'paragraph', content: [text(SEED.drPlan)] }];
  if (context.scenarios.length === 0) {
    blocks.push({ kind: 'paragraph', content: [emphasis(text('Der Plan beschreibt noch keine Szenarien.'))] });
    return { kind: 'section', role: 'chapter', id: `kapitel-${chapter.id}`, newPage: true, sourceLine: line, children: blocks };
  }
  blocks.push(context.heading(2, 'szenarien-uebersicht', 'Übersicht der Szenarien', line));
  blocks.push(overviewMatrix(context, line), ...statusLegend(context));
  for (const group of context.scenarioGroups()) {
    const categoryId = group.category ? `kategorie-${group.category.id}` : 'kategorie-sonstige';
    blocks.push(context.heading(2, categoryId, categoryTitle(group), group.scenarios[0]?.line));
    if (group.category) blocks.push({ kind: 'paragraph', content: [text(group.category.explanation.de)] });
    for (const scenario of group.scenarios) blocks.push(...scenarioBlocks(context, scenario));
  }
  return { kind: 'section', role: 'chapter', id: `kapitel-${chapter.id}`, newPage: true, sourceLine: line, children: blocks };
};

/**
 * One row per scenario under a row of its category, as the chapter groups them: its times
 * against its objectives, the latest RTA, and its status (scenarioStatus.ts).
 */
function overviewMatrix(context: DocumentContext, line: number | undefined): Table {
  const rows: TableRow[] = [];
  for (const group of context.scenarioGroups()) {
    rows.push({ kind: 'group', text: categoryTitle(group), sourceLine: group.scenarios[0]?.line });
    for (const scenario of group.scenarios) {
      const rta = latestRecoveryExercise(scenario.model, (exercise) => exercise.recoveryTime?.minutes !== undefined)?.recoveryTime;
      const status = STATUS_TEXTS[scenario.status];
      rows.push({
        kind: 'row',
        sourceLine: scenario.line,
        cells: [
          [link(scenario.headingId, text(scenario.title))],
          durationValue(scenario.model.recoveryTime),
          durationValue(scenario.model.rto),
          durationValue(scenario.model.rpo, LABELS.none, LABELS.noDataLoss),
          durationValue(scenario.model.mtpd),
          rta ? durationValue(rta) : [text(LABELS.unknownRta)],
          [{ kind: 'status', mark: status.mark, label: status.word }, text(status.word)],
        ],
      });
    }
  }
  return table(
    [
      col('Szenario', 3.9),
      short('Wiederher\u00ADstellungs\u00ADzeit', 2.4),
      short(TERMS.rtoColumn, 1.6),
      col('RPO', 1.6),
      short(TERMS.mtpdColumn, 1.7),
      short('letzte RTA', 1.7),
      col('Status', 2.6),
    ],
    rows,
    'compact',
    line,
  );
}

/** Under the matrix: what each status means, and what an unknown RTA means. */
function statusLegend(context: DocumentContext): Block[] {
  const legend: Block[] = Object.values(STATUS_TEXTS).map((status) => ({
    kind: 'paragraph',
    style: 'small',
    content: [{ kind: 'status', mark: status.mark, label: status.word }, strong(text(` ${status.word}:`)), text(` ${status.explanation}`)],
  }));
  const findings: Inline[] = context.openPoints.length > 0 ? [text(' Die Befunde stehen beim Szenario und unter '), link('offene-punkte', text('Offene Punkte')), text('.')] : [];
  legend.push({ kind: 'paragraph', style: 'small', content: [text(`Eine RTA „${LABELS.unknownRta}“: Keine Übung hat die Wiederherstellungszeit gemessen.`), ...findings] });
  return legend;
}

/** A category's German title; scenarios of an unknown category stand together last. */
function categoryTitle(group: ScenarioGroup): string {
  return group.category?.label.de ?? 'Weitere Szenarien';
}
