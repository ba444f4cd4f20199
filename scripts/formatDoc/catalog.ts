/** The catalog part of docs/format.md: categories, scenario types, component kinds, enumerations. */
import {
  CATEGORIES,
  COMPONENT_KINDS,
  ENUM_NAMES,
  ENUMS,
  SCENARIO_TYPES,
  type CatalogEntry,
} from '../../server/src/core/catalog';
import type { CatalogName } from '../../server/src/core/schema/fields';
import { allFields, type FieldRow, type FieldSection } from './fields';
import { code, table } from './markdown';

const CATEGORIES_HEADING = 'Categories';
const SCENARIO_TYPES_HEADING = 'Scenario types';
export const STEPS_HEADING = 'Suggested steps';
const COMPONENT_KINDS_HEADING = 'Component kinds';

/** The entries of a catalog the field table names. */
export function catalogEntries(name: CatalogName): readonly CatalogEntry[] {
  switch (name) {
    case 'category':
      return CATEGORIES;
    case 'scenarioType':
      return SCENARIO_TYPES;
    case 'componentKind':
      return COMPONENT_KINDS;
    default:
      return ENUMS[name];
  }
}

/** The first field that takes a catalog's values: an enumeration is listed under its path. */
function firstFieldOf(name: CatalogName, sections: readonly FieldSection[]): FieldRow | undefined {
  return allFields(sections).find((field) => field.kind.kind === 'catalog' && field.kind.catalog === name);
}

/** The heading of the reference's section that lists a catalog's values and their meanings. */
export function catalogHeading(name: CatalogName, sections: readonly FieldSection[]): string {
  switch (name) {
    case 'category':
      return CATEGORIES_HEADING;
    case 'scenarioType':
      return SCENARIO_TYPES_HEADING;
    case 'componentKind':
      return COMPONENT_KINDS_HEADING;
    default: {
      const field = firstFieldOf(name, sections);
      if (!field) throw new Error(`no field of the format takes the enumeration ${name}`);
      return code(field.path);
    }
  }
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
  for (const name of ENUM_NAMES) {
    const field = firstFieldOf(name, sections);
    parts.push(`#### ${catalogHeading(name, sections)}`, '');
    if (field?.kind.kind === 'catalog' && field.kind.open) parts.push('Any text is allowed; these values drplan knows and explains.', '');
    parts.push(entriesTable('value', catalogEntries(name)), '');
  }
  return parts.join('\n').trimEnd();
}

function entriesTable(idHeader: string, entries: readonly CatalogEntry[]): string {
  return table(
    [idHeader, 'German', 'English', 'meaning'],
    entries.map((entry) => [code(entry.id), entry.label.de, entry.label.en, entry.explanation.en]),
  );
}
