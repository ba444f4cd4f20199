/**
 * The diagnostic codes of docs/format.md: every code of DIAGNOSTIC_CODES with the severity the
 * checker gives it (validate/diagnostic.ts), what it reports, where it points and its quick fix.
 * The texts are typed by code, so a new code does not compile until it is documented here.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { SCENARIO_TYPES } from '../../server/src/core/catalog';
import { MAX_NESTING_DEPTH } from '../../server/src/core/limits';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../server/src/core/types';
import { severityOf } from '../../server/src/core/validate/diagnostic';
import { allFields, type FieldSection } from './fields';
import { code, table } from './markdown';

interface CodeDoc {
  /** When it is reported; a function where the field table says which fields. */
  readonly when: string | ((sections: readonly FieldSection[]) => string);
  /** Where its range is. */
  readonly range: string;
  /** What the quick fix (light bulb, Ctrl+.) does, if there is one. */
  readonly fix?: string;
}

const SEVERITY_WORDS: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

const dataLosingTypes = SCENARIO_TYPES.filter((type) => type.losesData)
  .map((type) => code(type.id))
  .join(', ');

const CODE_DOCS: Readonly<Record<DiagnosticCode, CodeDoc>> = {
  'yaml-syntax': {
    when:
      'The text is not read as a plan, or not all of it: a YAML syntax error, a duplicate key in a mapping, a tab used for indentation, ' +
      'more than one document (`---`), an unknown tag, an alias without its anchor, an alias or a merge (`<<`) that would blow the file up (alias bomb), ' +
      `a control character, bytes that are not UTF-8, nesting deeper than ${MAX_NESTING_DEPTH} levels, or a file over the size limit (see [Limits](limits.md)). ` +
      'The rest of the plan is still checked where it can be read. A file in UTF-16 is not read at all: one finding asks to save it as UTF-8.',
    range: 'where the parser stops; a duplicate key: the whole key; a file too large or in UTF-16: its first line',
  },
  'missing-field': {
    when: 'A required key is missing (see [Fields](#fields)), or the file is empty (no content but comments, blanks or `---`: one finding for all its keys).',
    range: "the key of the mapping that lacks it; in a list item: the item's first line; at the top level: the first line",
    fix: 'insert the key with a placeholder; with several keys missing from one mapping, also: insert them all; in an empty file: insert the skeleton of a plan',
  },
  'unknown-field': {
    when: 'A key the format does not know (often a typo). Keys that begin with `x-` are always allowed.',
    range: 'the key',
    fix: 'rename it to the closest known key, unless the mapping has that key already',
  },
  'invalid-value': {
    when:
      'A value of the wrong kind (a list where text belongs, …) or outside its enumeration; `drplan` not the string `"1"`; ' +
      'an id that is not [a valid id](#ids-and-references); an empty `prevention` or `recovery`; `availability.target` not above 0 and at most 100; ' +
      '`clients` below 1; a result\'s `measured` outside 0 to 100 or `outages` below 0; a `period` that is no month `2026-11`, quarter `2026-Q3` or year `2026` ' +
      '(see [Periods](#periods)); a file that is not a mapping of keys.',
    range: 'the value',
    fix:
      'the closest allowed value; `true`/`false` for a yes or no written in words (`ja`, `nein`, `yes`, `no`, `wahr`, `falsch`); the quoted `"1"` for the format version; ' +
      'a period written otherwise where it is clear (`11/2026`, `Q3 2026`, `November 2026` → `2026-11`, `2026-Q3`, `2026-11`)',
  },
  'invalid-duration': {
    when: 'A duration field that is not `0`, an ISO 8601 duration or a number and a unit (see [Durations](#durations)), or is empty.',
    range: 'the value',
    fix: "`m` alone, read as the field's typical values suggest: minutes (`rto: 30 m` → `30 min`) or months (`review_interval: 12 m` → `12 Monate`); where they leave it open, both",
  },
  'invalid-date': {
    when:
      'A date field that is not a real calendar date `YYYY-MM-DD` (see [Dates](#dates)), or is empty; an exercise\'s `started` that is not an ISO 8601 date and time ' +
      'of a real day (`2026-11-20T09:15:00+01:00`), or is empty.',
    range: 'the value',
  },
  'category-mismatch': {
    when: "A scenario's `type` belongs to another `category` than the one given (see [Scenario types](#scenario-types)).",
    range: 'the `type` value',
    fix: "set `category` to the type's category",
  },
  'duplicate-id': {
    when: 'An `id` used twice within `contacts`, `alerting.levels`, `components`, `availability.measurements`, `backups` or `scenarios`. The same id in two different lists is fine.',
    range: 'every later use of the id; its related information points at the first',
  },
  'unknown-reference': {
    when: (sections) => `A reference names no id of its list: ${referenceFields(sections)}.`,
    range: 'the reference',
    fix: 'the closest defined id',
  },
  'rto-exceeded': {
    when: "A scenario's `recovery_time` is longer than its `rto`: the recovery takes longer than the maximal zulässige Ausfallzeit.",
    range: 'the `recovery_time` value',
  },
  'rpo-not-met': {
    when: "The `interval` of the scenario's `backup` is longer than the scenario's `rpo`: more data than allowed can be lost.",
    range: 'the `rpo` value',
  },
  'rpo-without-backup': {
    when: `A scenario of a type that can lose data (${dataLosingTypes}) has no \`backup\` key.`,
    range: "the scenario's first line",
  },
  'downtime-budget': {
    when:
      "`availability.target` is set and a scenario's `rto` is longer than the downtime per year that the target allows: " +
      '(100 − target) % of 365 days, e.g. 99.5 % → 43.8 hours.',
    range: 'the `rto` value',
  },
  'missing-scenario': {
    when:
      'A scenario type of the catalog is covered by no scenario and not listed in `plan.not_applicable` (an entry there without its `reason` still counts, and is a `missing-field`): ' +
      'one diagnostic per type. Not reported while `scenarios` is missing (that is a `missing-field`).',
    range: 'the `scenarios` key',
    fix:
      "insert a scenario of that type, with the catalog's suggested steps and placeholders for the times; with several types missing, also: insert them all; " +
      'or list the type under `plan.not_applicable`, the cursor on the reason to write',
  },
  'rto-exceeds-mtpd': {
    when: "A scenario's `rto` is longer than its `mtpd`, the maximal tolerierbare Ausfallzeit of the business process.",
    range: 'the `rto` value',
  },
  'steps-exceed-recovery-time': {
    when: "The `duration`s of a scenario's recovery steps add up to more than its `recovery_time`.",
    range: "the scenario's first line",
  },
  'rta-exceeded': {
    when: "The latest [recovery exercise](#recovery-exercises) (by `date`) that measured a `recovery_time`, the RTA, measured more than the scenario's `rto`.",
    range: "that exercise's `recovery_time` value",
  },
  'rpa-exceeded': {
    when: "The latest [recovery exercise](#recovery-exercises) (by `date`) that measured a `data_loss`, the RPA, measured more than the scenario's `rpo`.",
    range: "that exercise's `data_loss` value",
  },
  untested: {
    when: 'No [recovery exercise](#recovery-exercises) of the scenario has a `recovery_time`: its actual recovery time (RTA) is unknown (BSI 200-4: „unbekannt“). A plan review or an alerting exercise measures none.',
    range: "the scenario's first line",
  },
  'restore-test-overdue': {
    when:
      "A backup's `last_restore_test`, or the date of a scenario's latest [recovery exercise](#recovery-exercises) (a plan review does not count), lies more than the review interval " +
      '(`plan.review_interval`, 12 months when not given) before today (see [Date arithmetic](#date-arithmetic)).',
    range: 'the date value',
  },
  'review-overdue': {
    when: '`plan.last_review` plus the review interval (`plan.review_interval`, 12 months when not given) lies before today (see [Date arithmetic](#date-arithmetic)).',
    range: 'the `last_review` value',
  },
  'future-date': {
    when:
      'A date that records something done lies after today: `plan.last_review`, the `date` of an approval (`plan.approvals`), a backup\'s `last_restore_test`, or the `date` of an exercise that has a `result`, ' +
      'a `recovery_time` or a `data_loss` (an exercise without them may be planned). Usually a typo; it would also hide every overdue check. Today is not in the future.',
    range: 'the date value',
  },
  'exercise-failed': {
    when: "The scenario's latest [recovery exercise](#recovery-exercises) (by `date`) has `result: failed`: its recovery is not proven. A later plan review or alerting exercise does not change that.",
    range: "that exercise's `result` value",
  },
  'restore-test-missing': {
    when: "A backup that some scenario names as its `backup` has no `last_restore_test`: nobody knows whether it can be restored. One diagnostic per backup.",
    range: "the backup's first line",
  },
  'retention-too-short': {
    when: "A backup's `retention` is shorter than its `interval`: there are times when no backup is kept at all.",
    range: 'the `retention` value',
    fix: 'set the retention to the interval, as the interval is written',
  },
  'backup-affected': {
    when:
      "The scenario's `backup` is `stored_on` a component the scenario takes down: one of its `affects`, or a component inside one of them through `in`, at any depth " +
      '(the storage in the rack that fails). The backup is lost with the system it should restore.',
    range: "the scenario's `backup` value",
  },
  'replica-not-backup': {
    when:
      'A scenario of category `software` or `operator` names a `backup` whose `method` is a replication (`replication`, `relstorage-replication`, `drbd`): ' +
      'the replica copies the corruption or the deletion at once. Against hardware failures a replication is fine, and with `interval: 0` it meets an `rpo` of 0.',
    range: "the scenario's `backup` value",
  },
  'dependency-cycle': {
    when: "Components' `depends_on` form a cycle (a component that depends on itself included): no order exists in which they can be restarted. The message names the cycle.",
    range: "one `depends_on` entry of each component on the cycle: its first entry that leads back into the cycle",
  },
  'single-point-of-failure': {
    when: 'A component without `redundancy` on which at least two other components depend (`depends_on`), directly or through others: its failure takes them all down.',
    range: "the component's first line",
  },
  'approval-missing': {
    when:
      "`plan.status` is `approved`, but no entry of `plan.approvals` approves the plan's current `version` (an entry without `version` approves the current one): " +
      'the document would call the plan approved without saying who approved it, and when.',
    range: 'the `status` value',
    fix: "add an approval of the current version: `by` left for the approving contact (the cursor stands there), `date` today, `version` the plan's",
  },
  'no-deputy': {
    when:
      "A contact who is a scenario's `responsible`, the plan's `owner` or in `alerting.declared_by` has no `deputy` (Vertretungsregelung): nobody is named to take over when they cannot be reached. One diagnostic per contact.",
    range: "the contact's first line",
    fix: 'insert `deputy:` into the contact, the cursor there and the contacts offered (in VS Code)',
  },
  'availability-not-met': {
    when:
      'An entry of `availability.results` measured less than `availability.target`. Its `excluded` maintenance (written only where the target allows it) is left out ' +
      'of the period and of the time down first: 99.69 % of a 30-day month with `excluded: 2h` compare as 99.97 %.',
    range: "that result's `measured` value",
  },
  'availability-unproven': {
    when:
      '`availability.target` is set, but no entry of `availability.results` with a `measured` value covers a period that ended within the review interval ' +
      '(`plan.review_interval`, 12 months when not given) before today: the availability is claimed, not shown. A period ends on the day after its last day (November 2026 on 2026-12-01), ' +
      'and counts as long as that day plus the review interval is not before today (see [Date arithmetic](#date-arithmetic)).',
    range: 'the `target` value',
  },
};

/** The codes table, in the order of DIAGNOSTIC_CODES (the order of the SARIF rules). */
export function codesMarkdown(sections: readonly FieldSection[]): string {
  return table(
    ['code', 'severity', 'reported when', 'points at', 'quick fix'],
    DIAGNOSTIC_CODES.map((diagnosticCode) => {
      const doc = CODE_DOCS[diagnosticCode];
      const when = typeof doc.when === 'string' ? doc.when : doc.when(sections);
      return [code(diagnosticCode), SEVERITY_WORDS[severityOf(diagnosticCode)], when, doc.range, doc.fix ?? ''];
    }),
  );
}

/** `plan.owner`, `scenarios[].responsible` (contacts), …: the reference fields, by the list they name. */
function referenceFields(sections: readonly FieldSection[]): string {
  const byList = new Map<string, string[]>();
  for (const field of allFields(sections)) {
    if (field.kind.kind !== 'reference' && field.kind.kind !== 'references') continue;
    const paths = byList.get(field.kind.list) ?? [];
    byList.set(field.kind.list, [...paths, code(field.path)]);
  }
  return [...byList].map(([list, paths]) => `${paths.join(', ')} (${list})`).join(', ');
}
