/** The catalog part of docs/format.md: categories, scenario types, component kinds, enumerations. */
import {
  CATEGORIES,
  COMPONENT_KINDS,
  ENUM_NAMES,
  ENUMS,
  SCENARIO_TYPES,
  type CatalogEntry,
} from '../../server/src/core/catalog';
import type { FieldSection, FieldValue } from './fields';
import { code, table } from './markdown';

/** A list of catalog ids under its heading in the reference. */
interface CatalogList {
  readonly heading: string;
  readonly entries: readonly CatalogEntry[];
  /** Other values are allowed too (`backups[].method`). */
  readonly open?: boolean;
}

export const CATEGORIES_HEADING = 'Categories';
export const SCENARIO_TYPES_HEADING = 'Scenario types';
const STEPS_HEADING = 'Suggested steps';
export const COMPONENT_KINDS_HEADING = 'Component kinds';

const FIXED_LISTS: readonly CatalogList[] = [
  { heading: CATEGORIES_HEADING, entries: CATEGORIES },
  { heading: SCENARIO_TYPES_HEADING, entries: SCENARIO_TYPES },
  { heading: COMPONENT_KINDS_HEADING, entries: COMPONENT_KINDS },
];

/** The enumerations, each under the path of the first field that takes it (`plan.status`). */
function enumerationLists(sections: readonly FieldSection[]): CatalogList[] {
  const fields = enumFields(sections);
  return ENUM_NAMES.map((name) => {
    const entries = ENUMS[name];
    const field = fields.find((candidate) => sameIds(candidate.values, entries));
    if (!field) throw new Error(`no field of the format takes the enumeration ${name}`);
    return { heading: code(field.path), entries, open: field.open };
  });
}

/** The heading of the catalog list whose ids are exactly `values`, for a link from a field. */
export function catalogHeadingOf(values: readonly string[], sections: readonly FieldSection[]): string | undefined {
  return [...FIXED_LISTS, ...enumerationLists(sections)].find((list) => sameIds(values, list.entries))?.heading;
}

function sameIds(values: readonly string[], entries: readonly CatalogEntry[]): boolean {
  const key = (ids: readonly string[]) => [...ids].sort().join('\n');
  return key(values) === key(entries.map((entry) => entry.id));
}

interface EnumField {
  readonly path: string;
  readonly values: readonly string[];
  readonly open: boolean;
}

/** Every field whose value is (or lists) an enumeration, with its path. */
function enumFields(sections: readonly FieldSection[]): EnumField[] {
  const found: EnumField[] = [];
  const collect = (path: string, value: FieldValue) => {
    if (value.kind === 'enum') found.push({ path, values: value.values, open: value.open });
    else if (value.kind === 'list') collect(path, value.of);
    else if (value.kind === 'either') for (const option of value.options) collect(path, option);
  };
  for (const section of sections) {
    for (const field of section.fields) collect(section.path ? `${section.path}.${field.key}` : field.key, field.value);
  }
  return found;
}

/** Categories, scenario types and the steps the catalog suggests for each. */
export function scenarioCatalogMarkdown(): string {
  const categories = table(
    ['category', 'German', 'English', 'scenario types', 'what it covers'],
    CATEGORIES.map((category) => [
      code(category.id),
      category.label.de,
      category.label.en,
      category.types.map(code).join(', '),
      category.explanation.en,
    ]),
  );
  const types = table(
    ['type', 'category', 'German title', 'English', 'can lose data', 'what happens'],
    SCENARIO_TYPES.map((type) => [
      code(type.id),
      code(type.category),
      type.label.de,
      type.label.en,
      type.losesData ? 'yes' : 'no',
      type.explanation.en,
    ]),
  );
  const steps = table(
    ['type', 'Prävention (suggested)', 'Wiederherstellung (suggested, in order)'],
    SCENARIO_TYPES.map((type) => [
      code(type.id),
      type.prevention.map((step) => `• ${step}`).join('<br>'),
      type.recovery.map((step, index) => `${index + 1}. ${step}`).join('<br>'),
    ]),
  );
  return [
    `### ${CATEGORIES_HEADING}`,
    '',
    categories,
    '',
    `### ${SCENARIO_TYPES_HEADING}`,
    '',
    `A scenario's \`type\` must belong to its \`category\` (\`category-mismatch\`). "Can lose data": a scenario of this type should name a \`backup\` (\`rpo-without-backup\`). The German title is the scenario's title in the document when it has no \`title\` of its own.`,
    '',
    types,
    '',
    `### ${STEPS_HEADING}`,
    '',
    `Completion and the quick fix of \`missing-scenario\` fill a new scenario with these steps (German, as in the document); edit them to fit the system.`,
    '',
    steps,
  ].join('\n');
}

export function componentKindsMarkdown(): string {
  return [
    `### ${COMPONENT_KINDS_HEADING}`,
    '',
    `\`components[].kind\`: the Standardkomponenten für erhöhte Verfügbarkeit and the infrastructure around them.`,
    '',
    entriesTable('kind', COMPONENT_KINDS),
  ].join('\n');
}

/** One table per enumeration, under the field that takes it. */
export function enumerationsMarkdown(sections: readonly FieldSection[]): string {
  const parts: string[] = [];
  for (const list of enumerationLists(sections)) {
    parts.push(`#### ${list.heading}`, '');
    if (list.open) parts.push('Any text is allowed; these values drplan knows and explains.', '');
    parts.push(entriesTable('value', list.entries), '');
  }
  return parts.join('\n').trimEnd();
}

function entriesTable(idHeader: string, entries: readonly CatalogEntry[]): string {
  return table(
    [idHeader, 'German', 'English', 'meaning'],
    entries.map((entry) => [code(entry.id), entry.label.de, entry.label.en, entry.explanation.en]),
  );
}
