import { SCENARIO_TYPES } from '../server/src/core/catalog';

export interface PlanShape {
  /**
   * Every how many scenarios one has an exercise (scenario i has one when i % exercisedEvery is
   * 0); 1, the default: all. The shape is 3: two thirds never exercised, each of them an
   * `untested` information diagnostic.
   */
  readonly exercisedEvery?: number;
}

/**
 * A valid plan with `count` scenarios, cycling through the catalog's scenario types, each with
 * recovery steps, a backup and (see `shape`) an exercise: what a large organisation's plan looks
 * like, and what the benchmark feeds every server alike.
 */
export function generatePlan(count: number, shape: PlanShape = {}): string {
  const exercisedEvery = shape.exercisedEvery ?? 1;
  if (!Number.isInteger(exercisedEvery) || exercisedEvery < 1) throw new RangeError(`exercisedEvery must be a whole number from 1, not ${exercisedEvery}`);
  const lines: string[] = [
    '# Generated for the benchmark.',
    'drplan: "1"',
    'plan:',
    `  title: Notfallplan mit ${count} Szenarien`,
    '  organisation: Beispiel GmbH',
    '  system: Rechenzentrum',
    '  version: "1.0"',
    '  status: approved',
    '  last_review: 2026-10-01',
    '  review_interval: 12 Monate',
    '  owner: it-leitung',
    '  approvals:',
    '    - by: it-leitung',
    '      date: 2026-10-01',
    'contacts:',
    '  - id: it-leitung',
    '    name: Erika Mustermann',
    '    role: IT-Leitung',
    '    deputy: bereitschaft',
    '  - id: bereitschaft',
    '    name: Rufbereitschaft',
    'components:',
    '  - id: storage-1',
    '    kind: raid-storage',
    '    name: Storage',
    'availability:',
    '  target: 99.5',
    '  results:',
    '    - period: 2026-10',
    '      measured: 99.82',
    '      downtime: 80 min',
    'backups:',
    '  - id: snapshot',
    '    what: ZODB und Blobs',
    '    method: volume-snapshot',
    '    interval: 4h',
    '    last_restore_test: 2026-10-15',
    'scenarios:',
  ];
  for (let i = 0; i < count; i++) {
    const type = SCENARIO_TYPES[i % SCENARIO_TYPES.length]!;
    lines.push(
      `  - id: szenario-${i}`,
      `    category: ${type.category}`,
      `    type: ${type.id}`,
      `    title: ${type.label.de} (${i})`,
      `    description: Szenario Nummer ${i} des generierten Plans, mit allen Feldern, die ein echter Plan hat.`,
      '    affects: [storage-1]',
      '    prevention:',
      ...type.prevention.map((step) => `      - ${step}`),
      '    recovery:',
      `      - step: ${type.recovery[0]}`,
      '        duration: 2h',
      '        responsible: bereitschaft',
      `      - step: Funktion prüfen`,
      '        duration: 1h',
      '    recovery_time: 4h',
      '    rto: 8h',
      '    mtpd: 24h',
      '    rpo: 4h',
      '    backup: snapshot',
      '    responsible: it-leitung',
    );
    if (i % exercisedEvery === 0) {
      lines.push(
        '    exercises:',
        '      - date: 2026-09-01',
        '        kind: functional-test',
        '        recovery_time: 3h',
        '        data_loss: 2h',
        '        result: passed',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A plan of `count` short scenarios (about 240 bytes each: ids, a step, times, a backup): the largest
 * number of scenarios a plan under the size limit can hold, for the PDF's figures at scale.
 */
export function generateShortPlan(count: number): string {
  const lines: string[] = [generatePlan(0).trimEnd().replace('mit 0 Szenarien', `mit ${count} Szenarien`)];
  for (let i = 0; i < count; i++) {
    const type = SCENARIO_TYPES[i % SCENARIO_TYPES.length]!;
    lines.push(
      `  - id: s-${i}`,
      `    category: ${type.category}`,
      `    type: ${type.id}`,
      `    title: ${type.label.de} ${i}`,
      '    prevention: [Monitoring]',
      '    recovery: [{step: Wiederherstellen, duration: 4h}]',
      '    recovery_time: 4h',
      '    rto: 8h',
      '    rpo: 4h',
      '    backup: snapshot',
    );
  }
  return `${lines.join('\n')}\n`;
}
