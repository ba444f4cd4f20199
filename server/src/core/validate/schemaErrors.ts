import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { closest } from '../closest';
import { messages, places, type Message, type ValueKind } from '../i18n/messages';
import type { YamlDocument } from '../parse/yamlDocument';
import { schemaDefinitions } from '../schema/planSchema';
import { validatePlanShape, type SchemaError } from '../schema/validator';
import { pointerSegments } from '../yaml/pointer';
import type { DiagnosticCode, Span } from '../types';
import type { Finding } from './diagnostic';

/** A place in the YAML named by a JSON pointer, with what was written there. */
interface Located {
  /** The node as written (an alias stays an alias). */
  readonly written: Node | null;
  readonly value: Node | null;
  readonly keyNode: Node | undefined;
  /** The path segments up to here, numbers for list positions. */
  readonly path: readonly (string | number)[];
}

/**
 * Validates the document's value against the JSON Schema and translates every error into a
 * finding with one of format.md's codes, a readable message and the range format.md fixes.
 */
export function checkSchema(yaml: YamlDocument, value: unknown): Finding[] {
  return placedSchemaFindings(yaml, value).map((placed) => placed.finding);
}

/** A schema finding with the JSON pointer of the value it is about (`/scenarios/3/rto`). */
export interface PlacedFinding {
  readonly path: string;
  readonly finding: Finding;
}

/** checkSchema's findings, each with the pointer of its value. */
export function placedSchemaFindings(yaml: YamlDocument, value: unknown): PlacedFinding[] {
  const errors = validatePlanShape(value ?? {});
  // A file without content lacks every required key: one finding says the plan is empty, and
  // names them all for the quick fix that inserts the skeleton.
  if ((value == null || isEmptyObject(value)) && yaml.isBlank) {
    const fields = errors.filter((error) => error.keyword === 'required' && error.instancePath === '').map((error) => String(error.params.missingProperty));
    if (fields.length > 0) return [{ path: '', finding: { code: 'missing-field', span: documentStart(yaml), message: messages.emptyPlan, data: { field: fields[0], path: '', fields } } }];
  }
  return translateAll(yaml, errors);
}

/**
 * The schema findings of one item of a top-level list (`scenarios`, index 3), its value checked
 * on its own: a plan of just that list with just that item, the errors of the item moved to its
 * place. The schema's rules for an item read nothing outside it.
 */
export function placedItemFindings(yaml: YamlDocument, list: string, index: number, item: unknown): PlacedFinding[] {
  const inside = `/${list}/0`;
  const errors = validatePlanShape({ [list]: [item] }).flatMap((error) => {
    const path = error.instancePath;
    if (path !== inside && !path.startsWith(`${inside}/`)) return [];
    return [{ ...error, instancePath: `/${list}/${index}${path.slice(inside.length)}` }];
  });
  return translateAll(yaml, errors);
}

function translateAll(yaml: YamlDocument, errors: readonly SchemaError[]): PlacedFinding[] {
  // A value of the wrong type fails its enumeration too ('null' is not 'hardware'): say it once.
  const wrongType = new Set(errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
  const placed: PlacedFinding[] = [];
  for (const error of errors) {
    if ((error.keyword === 'enum' || error.keyword === 'const') && wrongType.has(error.instancePath)) continue;
    const finding = translate(yaml, error);
    if (finding) placed.push({ path: error.instancePath, finding });
  }
  return placed;
}

function translate(yaml: YamlDocument, error: SchemaError): Finding | undefined {
  if (error.keyword === 'if') return undefined; // the then/else branch reports the real problem
  const at = locate(yaml, error.instancePath);
  if (!at || (at.written && yaml.brokenAliases.has(at.written))) return undefined;
  const field = fieldName(at.path);
  const valueSpan = at.written ? spanOf(yaml, at.written) : documentStart(yaml);

  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      return {
        code: 'missing-field',
        span: containerSpan(yaml, at),
        message: messages.missingField(missing, where(yaml, at)),
        data: { field: missing, path: error.instancePath },
      };
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const map = at.value;
      const entry = isMap(map) ? yaml.entries(map).get(key) : undefined;
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const suggestion = closest(key, known);
      return {
        code: 'unknown-field',
        span: entry ? spanOf(yaml, entry.keyNode) : valueSpan,
        message: messages.unknownField(key, suggestion),
        data: { field: key, suggestion, path: error.instancePath },
      };
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const written = String(error.data);
      const suggestion = closest(written, allowed);
      return {
        code: 'invalid-value',
        span: valueSpan,
        message: messages.notInEnum(field, written, allowed, suggestion),
        data: { field, suggestion, allowed },
      };
    }
    case 'const':
      return {
        code: 'invalid-value',
        span: valueSpan,
        message: messages.formatVersion(String(error.data)),
        data: { field, suggestion: String(error.params.allowedValue) },
      };
    case 'type': {
      const expected = ([] as string[]).concat(error.params.type as string | string[]).map(kindOfSchemaType);
      const actual = kindOf(error.data);
      // A value of one of the format's own kinds (duration, date, …) of the wrong type: said as for its kind.
      const own = OWN_KINDS.find((kind) => kind.schema === error.parentSchema);
      if (own) return { code: own.code, span: valueSpan, message: actual === 'null' ? own.empty(field) : own.invalid(field, display(error.data)), data: { field } };
      if (at.path.length === 0) {
        return { code: 'invalid-value', span: valueSpan, message: messages.rootNotMapping(actual), data: { field: '' } };
      }
      return {
        code: 'invalid-value',
        span: valueSpan,
        message: messages.wrongType(field, expected, actual),
        data: { field, expected: expected as string[] },
      };
    }
    case 'pattern':
      return { code: 'invalid-value', span: valueSpan, message: messages.badId(String(error.data)), data: { field } };
    case 'minItems':
      return { code: 'invalid-value', span: valueSpan, message: messages.emptyList(field), data: { field } };
    case 'exclusiveMinimum':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        code: 'invalid-value',
        span: valueSpan,
        message: RANGE_MESSAGES.get(field) ?? bound(field, error),
        data: { field },
      };
    default:
      return {
        code: 'invalid-value',
        span: valueSpan,
        message: messages.notAllowedValue(field),
        data: { field },
      };
  }
}

/** The schema's definitions of the format's own kinds of value, with their code and messages. */
const OWN_KINDS: readonly { schema: object; code: DiagnosticCode; empty(field: string): Message; invalid(field: string, written: string): Message }[] = [
  { schema: schemaDefinitions.duration, code: 'invalid-duration', empty: messages.emptyDuration, invalid: (field, written) => messages.invalidDuration(field, written, messages.durationNotScalar, []) },
  { schema: schemaDefinitions.date, code: 'invalid-date', empty: messages.emptyDate, invalid: messages.invalidDate },
  { schema: schemaDefinitions.period, code: 'invalid-value', empty: messages.emptyPeriod, invalid: (field, written) => messages.invalidPeriod(field, written, undefined) },
  { schema: schemaDefinitions.dateTime, code: 'invalid-date', empty: messages.emptyDateTime, invalid: messages.invalidDateTime },
];

/** The fields whose bounds a message of their own explains. */
const RANGE_MESSAGES: ReadonlyMap<string, Message> = new Map([
  ['target', messages.targetRange],
  ['clients', messages.clientsRange],
  ['measured', messages.measuredRange],
  ['outages', messages.outagesRange],
]);

function bound(field: string, error: SchemaError): Message {
  const limit = String((error.params as { limit?: number }).limit);
  const comparison = error.params.comparison as string;
  return messages.outOfRange(field, `${comparison} ${limit}`);
}

/** Follows a JSON pointer through the YAML, through aliases and merge keys alike. */
function locate(yaml: YamlDocument, pointer: string): Located | undefined {
  const segments = pointerSegments(pointer);
  let here: Located = { written: yaml.root, value: yaml.resolve(yaml.root), keyNode: undefined, path: [] };
  for (const segment of segments) {
    const node = here.value;
    if (isMap(node)) {
      const entry = yaml.entries(node).get(segment);
      if (!entry) return undefined;
      here = { written: entry.written, value: entry.value, keyNode: entry.keyNode, path: [...here.path, segment] };
    } else if (isSeq(node)) {
      const index = Number(segment);
      const item = node.items[index] as Node | undefined;
      if (item === undefined) return undefined;
      here = { written: item, value: yaml.resolve(item), keyNode: undefined, path: [...here.path, index] };
    } else {
      return undefined;
    }
  }
  return here;
}

/** Where a diagnostic about a whole mapping points: its key, or a list item's first line. */
function containerSpan(yaml: YamlDocument, at: Located): Span {
  if (at.keyNode) return spanOf(yaml, at.keyNode);
  if (at.written && at.path.length > 0) return yaml.index.restOfLine(yaml.span(at.written)[0]);
  return documentStart(yaml);
}

/** The first line of the document's content, or the very start of an empty one. */
function documentStart(yaml: YamlDocument): Span {
  const root = yaml.root;
  if (root && (isMap(root) || isSeq(root) || isScalar(root)) && root.range) return yaml.index.restOfLine(root.range[0]);
  return { start: 0, end: 0 };
}

function where(yaml: YamlDocument, at: Located): Message {
  const last = at.path[at.path.length - 1];
  if (last === undefined) return places.root;
  if (typeof last === 'string') return places.section(last);
  const list = at.path[at.path.length - 2];
  const id = isMap(at.value) ? yaml.entries(at.value).get('id')?.value : undefined;
  return places.item(String(list ?? ''), last, isScalar(id) ? String(id.value) : undefined);
}

function fieldName(path: readonly (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return '';
}

function spanOf(yaml: YamlDocument, node: Node): Span {
  const [start, end] = yaml.span(node);
  return { start, end };
}

function kindOf(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'mapping';
  }
}

function kindOfSchemaType(type: string): ValueKind {
  switch (type) {
    case 'object':
      return 'mapping';
    case 'array':
      return 'list';
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'null':
      return type;
    default:
      return 'string';
  }
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return Array.isArray(value) ? '[…]' : '{…}';
  return String(value);
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
