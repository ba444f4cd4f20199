import { latestExercise } from '../../model/queries';
import { col, durationValue, short, table } from '../blocks';
import type { DocumentContext } from '../context';
import { LABELS, SEED } from '../texts';
import { emphasis, link, text, type Block, type Table, type TableRow } from '../tree';
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
  blocks.push(overviewMatrix(context, line));
  blocks.push(
    { kind: 'paragraph', style: 'small', content: [{ kind: 'status', ok: true, label: LABELS.statusOk }, text(` ${LABELS.statusOk}.`)] },
    {
      kind: 'paragraph',
      style: 'small',
      content: [
        { kind: 'status', ok: false, label: LABELS.statusFailed },
        text(` ${LABELS.statusFailed}, z. B. Wiederherstellungszeit über der RTO, RPO durch die Sicherung nicht erreichbar, RTA über der RTO. Eine RTA „${LABELS.unknownRta}“: noch nicht geübt.`),
      ],
    },
  );
  for (const group of context.scenarioGroups()) {
    const categoryId = group.category ? `kategorie-${group.category.id}` : 'kategorie-sonstige';
    const label = group.category?.label.de ?? 'Weitere Szenarien';
    blocks.push(context.heading(2, categoryId, label, group.scenarios[0]?.line));
    if (group.category) blocks.push({ kind: 'paragraph', content: [text(group.category.explanation.de)] });
    for (const scenario of group.scenarios) blocks.push(...scenarioBlocks(context, scenario));
  }
  return { kind: 'section', role: 'chapter', id: `kapitel-${chapter.id}`, newPage: true, sourceLine: line, children: blocks };
};

/** One row per scenario: its times against its objectives, the latest RTA, and ✓ or ✗. */
function overviewMatrix(context: DocumentContext, line: number | undefined): Table {
  const rows: TableRow[] = [];
  for (const group of context.scenarioGroups()) {
    for (const scenario of group.scenarios) {
      const rta = latestExercise(scenario.model, (exercise) => exercise.recoveryTime?.minutes !== undefined)?.recoveryTime;
      const ok = scenario.problems.length === 0;
      rows.push({
        kind: 'row',
        sourceLine: scenario.line,
        cells: [
          [text(group.category?.label.de ?? scenario.model.category?.value ?? LABELS.none)],
          [link(scenario.headingId, text(scenario.title))],
          durationValue(scenario.model.recoveryTime),
          durationValue(scenario.model.rto),
          durationValue(scenario.model.rpo),
          durationValue(scenario.model.mtpd),
          rta ? durationValue(rta) : [text(LABELS.unknownRta)],
          [{ kind: 'status', ok, label: ok ? LABELS.statusOk : LABELS.statusFailed }],
        ],
      });
    }
  }
  return table(
    [
      col('Kategorie', 2.2),
      col('Szenario', 3.7),
      short('Wiederher\u00ADstellungs\u00ADzeit', 2.6),
      short('RTO', 1.5),
      short('RPO', 1.5),
      short('MTPD', 1.5),
      short('letzte RTA', 1.6),
      col('Status', 1.2, 'center'),
    ],
    rows,
    'compact',
    line,
  );
}
