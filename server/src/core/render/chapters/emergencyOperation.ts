import { durationValue, shown, col, short, table } from '../blocks';
import type { ScenarioInfo } from '../context';
import { emphasis, link, text, type Block, type TableRow } from '../tree';
import { TERMS } from '../texts';
import type { Chapter } from './chapter';

/**
 * Notbetrieb (BSI-Standard 200-4): how the work goes on while a system is down, per scenario,
 * beside the time it must bridge (the RTO). Scenarios without one are named: that is a gap.
 */
export const emergencyOperation: Chapter = (context) => {
  if (context.scenarios.length === 0) return undefined;
  const described = context.scenarios.filter((scenario) => emergencyMeasures(scenario).length > 0);
  const missing = context.scenarios.filter((scenario) => emergencyMeasures(scenario).length === 0);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      content: [text('Bis ein System wiederhergestellt ist, läuft die Arbeit im Notbetrieb weiter. Er überbrückt die Zeit bis zur Wiederherstellung, im ungünstigsten Fall die ganze RTO des Szenarios.')],
    },
  ];
  if (described.length > 0) {
    blocks.push(
      table(
        [col('Szenario', 3.6), short(TERMS.rtoColumn, 1.6), col('Notbetrieb', 8.8)],
        context.scenarioGroups().flatMap((group) =>
          group.scenarios
            .filter((scenario) => described.includes(scenario))
            .map(
              (scenario): TableRow => ({
                kind: 'row',
                sourceLine: context.keyLine(scenario.model.keys.emergency_operation) ?? scenario.line,
                cells: [
                  [link(scenario.headingId, text(scenario.title))],
                  durationValue(scenario.model.rto),
                  [text(emergencyMeasures(scenario).map((measure) => `• ${measure}`).join('\n'))],
                ],
              }),
            ),
        ),
        'compact',
        undefined,
      ),
    );
  }
  if (missing.length > 0) {
    blocks.push({
      kind: 'paragraph',
      content: [
        emphasis(text(described.length === 0 ? 'Für kein Szenario ist ein Notbetrieb beschrieben.' : 'Für diese Szenarien ist kein Notbetrieb beschrieben: ')),
        ...(described.length === 0 ? [] : missing.flatMap((scenario, index) => [...(index > 0 ? [text(', ')] : []), link(scenario.headingId, text(scenario.title))])),
        ...(described.length === 0 ? [] : [text('.')]),
      ],
    });
  }
  return context.chapter('notbetrieb', 'Notbetrieb', undefined, blocks);
};

/** The scenario's measures of emergency operation, trimmed, empty ones left out. */
export function emergencyMeasures(scenario: ScenarioInfo): string[] {
  return scenario.model.emergencyOperation.flatMap((measure) => {
    const measureText = shown(measure);
    return measureText === undefined ? [] : [measureText];
  });
}
