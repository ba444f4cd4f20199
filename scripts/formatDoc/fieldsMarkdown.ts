/** The field part of docs/format.md: one table per mapping of the format. */
import { catalogHeadingOf } from './catalog';
import type { FieldSection, FieldValue } from './fields';
import { code, linkTo, table } from './markdown';

/** Hand-written sections of docs/format.md that the field tables link to (the test checks every link). */
export const DURATIONS_HEADING = 'Durations';
export const DATES_HEADING = 'Dates';
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
        section.fields.map((field) => [
          code(field.key),
          field.required ? 'yes' : '',
          valueText(field.value, sections),
          field.german,
          field.description,
        ]),
      ),
      '',
    );
  }
  return parts.join('\n').trimEnd();
}

function valueText(value: FieldValue, sections: readonly FieldSection[]): string {
  switch (value.kind) {
    case 'text':
      return 'text';
    case 'duration':
      return linkTo('duration', DURATIONS_HEADING);
    case 'date':
      return linkTo('date', DATES_HEADING);
    case 'id':
      return linkTo('id', IDS_HEADING);
    case 'reference':
      return value.list ? `${linkTo('id', IDS_HEADING)} of an entry of ${code(value.list)}` : linkTo('reference', IDS_HEADING);
    case 'boolean':
      return '`true` or `false`';
    case 'number':
      return [value.integer ? 'whole number' : 'number', ...value.bounds].join(', ');
    case 'const':
      return `the string ${code(`"${value.value}"`)}`;
    case 'enum':
      return enumText(value.values, value.open, sections);
    case 'mapping': {
      const section = sections.find((candidate) => candidate.path === value.section);
      return section ? `mapping: ${linkTo(code(section.path), sectionHeading(section))}` : 'mapping';
    }
    case 'list': {
      const size = value.minItems > 0 ? ` of at least ${value.minItems}` : '';
      return `list${size}; each item: ${valueText(value.of, sections)}`;
    }
    case 'either':
      return value.options.map((option) => valueText(option, sections)).join(' or ');
  }
}

/** A few values are listed; many are named by their catalog list. Both link to the list's meanings. */
function enumText(values: readonly string[], open: boolean, sections: readonly FieldSection[]): string {
  const heading = catalogHeadingOf(values, sections);
  const listed =
    values.length <= 5 || !heading
      ? values.map(code).join(' · ') + (heading ? ` (${linkTo('meanings', heading)})` : '')
      : `one of the ${values.length} ${linkTo(heading.toLowerCase(), heading)}`;
  return open ? `text; known: ${listed}` : listed;
}
