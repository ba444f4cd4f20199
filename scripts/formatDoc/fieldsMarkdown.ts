/** The field part of docs/format.md: one table per mapping of the format, and the references. */
import type { FieldKind } from '../../server/src/core/schema/fields';
import { schemaAt } from '../../server/src/core/schema/lookup';
import { catalogEntries, catalogHeading, STEPS_HEADING } from './catalog';
import { allFields, type FieldRow, type FieldSection } from './fields';
import { code, linkTo, table } from './markdown';

/** Hand-written sections of docs/format.md that the field tables link to (the test checks every link). */
export const DURATIONS_HEADING = 'Durations';
export const DATES_HEADING = 'Dates';
export const PERIODS_HEADING = 'Periods';
export const IDS_HEADING = 'Ids and references';

/** The heading of a section: `scenarios[]: Scenario`, or the top level's title. */
export function sectionHeading(section: FieldSection): string {
  return section.path ? `${code(section.path)}: ${section.title}` : section.title;
}

export function fieldsMarkdown(sections: readonly FieldSection[]): string {
  const parts: string[] = [];
  for (const section of sections) {
    parts.push(`### ${sectionHeading(section)}`, '');
    if (section.description) parts.push(section.description, '');
    parts.push(
      table(
        ['key', 'required', 'value', 'German', 'meaning'],
        section.fields.map((field) => [code(field.key), field.required ? 'yes' : '', valueText(field, sections), field.german, field.description]),
      ),
      '',
    );
  }
  return parts.join('\n').trimEnd();
}

/** The fields that name an item of another list, and which list. */
export function referencesMarkdown(sections: readonly FieldSection[]): string {
  const rows = allFields(sections).flatMap((field) => {
    const kind = field.kind;
    if (kind.kind === 'reference') return [[code(field.path), code(kind.list)]];
    if (kind.kind === 'references') return [[`${code(field.path)} (a list)`, code(kind.list)]];
    return [];
  });
  return table(['field', 'refers to an id of'], rows);
}

function valueText(field: FieldRow, sections: readonly FieldSection[]): string {
  const kind: FieldKind = field.kind;
  const ids = (word: string) => linkTo(word, IDS_HEADING);
  switch (kind.kind) {
    case 'text':
      return 'text';
    case 'texts':
      return 'list of texts';
    case 'formatVersion':
      return `the string ${code(`"${String(schemaAt(['drplan'])?.const)}"`)}`;
    case 'version':
      return 'text or number; quoted, it stays as written';
    case 'id':
      return `${ids('id')}, unique in its list`;
    case 'reference':
      return `the ${ids('id')} of an entry of ${code(kind.list)}`;
    case 'references':
      return `list of ${ids('ids')} of entries of ${code(kind.list)}`;
    case 'duration':
      return `${linkTo('duration', DURATIONS_HEADING)}; typical: ${kind.typical.map((value) => code(value.de)).join(', ')}`;
    case 'date':
      return linkTo('date', DATES_HEADING);
    case 'dateTime':
      return `${linkTo('date and time', DATES_HEADING)}, ISO 8601: ${code('2026-11-20T09:15:00+01:00')}`;
    case 'period':
      return `${linkTo('period', PERIODS_HEADING)}: a month ${code('2026-11')}, a quarter ${code('2026-Q3')} or a year ${code('2026')}`;
    case 'catalog': {
      const values = catalogEntries(kind.catalog).map((entry) => entry.id);
      const heading = catalogHeading(kind.catalog, sections);
      const listed =
        values.length <= 5
          ? `${values.map(code).join(' · ')} (${linkTo('meanings', heading)})`
          : `one of the ${values.length} ${linkTo(heading.toLowerCase(), heading)}`;
      return kind.open ? `text; known: ${listed}` : listed;
    }
    case 'boolean':
      return '`true` or `false`';
    case 'percentage':
      return kind.zero ? 'percentage: a number from 0 to 100' : 'percentage: a number above 0, at most 100';
    case 'count':
      return `whole number, at least ${kind.minimum}`;
    case 'section':
      return `mapping: ${mappingLink(`${field.path}`, sections)}`;
    case 'items':
      return `list of mappings: ${mappingLink(`${field.path}[]`, sections)}`;
    case 'steps': {
      const size = field.minItems > 0 ? ` of at least ${field.minItems}` : '';
      const item = kind.mapping ? `text or mapping: ${mappingLink(`${field.path}[]`, sections)}` : 'text';
      return `list${size}; each item: ${item} (${linkTo('suggested by the catalog', STEPS_HEADING)})`;
    }
  }
}

function mappingLink(path: string, sections: readonly FieldSection[]): string {
  const section = sections.find((candidate) => candidate.path === path);
  if (!section) throw new Error(`no section lists the mapping ${path}`);
  return linkTo(code(path), sectionHeading(section));
}
