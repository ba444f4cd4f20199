import type { EnumName, Localized } from '../catalog';
import type { TermName } from '../i18n/hoverTexts';
import type { IdList } from '../model/plan';

/**
 * What kinds of field the format has, and how an entry of the field table (fields.ts) is
 * written: the kinds, the typical durations, and the small constructors the table reads like.
 */

/** The catalogs a value can come from: the enumerations, and the scenario and component catalogs. */
export type CatalogName = EnumName | 'category' | 'scenarioType' | 'componentKind';

/** The lists whose items references can name. */
export type ReferenceList = Exclude<IdList, 'scenarios'>;

export type FieldKind =
  /** Free text (or a number written as text). */
  | { readonly kind: 'text' }
  /** A list of free texts. */
  | { readonly kind: 'texts' }
  /** `drplan: "1"`. */
  | { readonly kind: 'formatVersion' }
  /** A version number, best quoted ("2.1"). */
  | { readonly kind: 'version' }
  /** The id of a list item, which references name. */
  | { readonly kind: 'id'; readonly list: IdList }
  /**
   * The id of an item of another list (or of its own: `notSelf`, the item's own id is no
   * choice, as a contact is not its own deputy).
   */
  | { readonly kind: 'reference'; readonly list: ReferenceList; readonly notSelf?: boolean }
  /** A list of ids of items of another list. */
  | { readonly kind: 'references'; readonly list: ReferenceList }
  /**
   * A duration, with the values authors typically write there; `term` names RTO, RPO and the
   * other terms whose hover relates them to the scenario; for the RPO, completion offers the
   * plan's backup intervals first.
   */
  | { readonly kind: 'duration'; readonly typical: readonly Localized[]; readonly term?: TermName; readonly backupIntervals?: boolean }
  | { readonly kind: 'date' }
  /** A date and time in ISO 8601 (`2026-11-20T09:15:00+01:00`): when an exercise began. */
  | { readonly kind: 'dateTime' }
  /** A period of measured availability: a month `2026-11`, a quarter `2026-Q3` or a year `2026` (period.ts). */
  | { readonly kind: 'period' }
  /** A catalog id; `open`: other text is allowed too. */
  | { readonly kind: 'catalog'; readonly catalog: CatalogName; readonly open?: boolean }
  | { readonly kind: 'boolean' }
  /** A percentage, greater than 0 and at most 100; `zero`: 0 is allowed too (a measured availability). */
  | { readonly kind: 'percentage'; readonly zero?: boolean }
  /** A whole number of at least `minimum`. */
  | { readonly kind: 'count'; readonly minimum: 0 | 1 }
  /** A mapping of the definition `mapping`. */
  | { readonly kind: 'section'; readonly mapping: string }
  /** A list of mappings of the definition `mapping`. */
  | { readonly kind: 'items'; readonly mapping: string }
  /**
   * A list of texts (Handlungen) for which the catalog suggests the scenario type's steps; items
   * may also be mappings of the definition `mapping`.
   */
  | { readonly kind: 'steps'; readonly catalog: 'prevention' | 'recovery'; readonly mapping?: string };

/** A label and what the field means, in one language. */
export interface FieldDoc {
  readonly title: string;
  readonly description: string;
}

export type FieldSpec = FieldKind & {
  /** The schema definition of the mapping the key belongs to (`root`, `plan`, `scenario`, …). */
  readonly definition: string;
  readonly key: string;
  readonly de: FieldDoc;
  /** The schema's own title and description (the schema speaks English, with German terms). */
  readonly en: FieldDoc;
};

const same = (text: string): Localized => ({ de: text, en: text });
const SHORT = same('15 min');
const HALF_HOUR = same('30 min');
const HOUR = same('1h');
const TWO_HOURS = same('2h');
const FOUR_HOURS = same('4h');
const EIGHT_HOURS = same('8h');
const DAY = same('24h');
const TWO_DAYS: Localized = { de: '2 Tage', en: '2 days' };
const WEEK: Localized = { de: '1 Woche', en: '1 week' };
const ZERO = same('0');

/** Typical durations per field: what an author of such plans usually writes there. */
export const TYPICAL = {
  rto: [SHORT, HALF_HOUR, HOUR, FOUR_HOURS, EIGHT_HOURS, DAY, TWO_DAYS, WEEK],
  rpo: [ZERO, SHORT, HOUR, FOUR_HOURS, DAY],
  mtpd: [FOUR_HOURS, EIGHT_HOURS, DAY, TWO_DAYS, WEEK, { de: '2 Wochen', en: '2 weeks' }],
  recoveryTime: [HALF_HOUR, HOUR, TWO_HOURS, FOUR_HOURS, EIGHT_HOURS, DAY],
  dataLoss: [ZERO, SHORT, HOUR, FOUR_HOURS, DAY],
  stepDuration: [SHORT, HALF_HOUR, HOUR, TWO_HOURS, FOUR_HOURS],
  backupInterval: [HOUR, FOUR_HOURS, DAY, WEEK],
  retention: [{ de: '7 Tage', en: '7 days' }, { de: '14 Tage', en: '14 days' }, { de: '30 Tage', en: '30 days' }, { de: '90 Tage', en: '90 days' }, { de: '1 Jahr', en: '1 year' }],
  measurementInterval: [same('1 min'), same('5 min'), SHORT, HOUR],
  reviewInterval: [{ de: '6 Monate', en: '6 months' }, { de: '12 Monate', en: '12 months' }],
  notification: [SHORT, HALF_HOUR, HOUR, FOUR_HOURS],
  downtime: [SHORT, HALF_HOUR, HOUR, FOUR_HOURS],
  maintenance: [HOUR, TWO_HOURS, FOUR_HOURS],
} as const satisfies Record<string, readonly Localized[]>;

export const text = (): FieldKind => ({ kind: 'text' });
export const texts = (): FieldKind => ({ kind: 'texts' });
export const formatVersion = (): FieldKind => ({ kind: 'formatVersion' });
export const version = (): FieldKind => ({ kind: 'version' });
export const id = (list: IdList): FieldKind => ({ kind: 'id', list });
export const reference = (list: ReferenceList, options: { notSelf?: boolean } = {}): FieldKind => ({ kind: 'reference', list, ...options });
export const references = (list: ReferenceList): FieldKind => ({ kind: 'references', list });
export const duration = (typical: readonly Localized[], term?: TermName, options: { backupIntervals?: boolean } = {}): FieldKind => ({
  kind: 'duration',
  typical,
  ...(term ? { term } : {}),
  ...options,
});
export const date = (): FieldKind => ({ kind: 'date' });
export const dateTime = (): FieldKind => ({ kind: 'dateTime' });
export const period = (): FieldKind => ({ kind: 'period' });
export const catalog = (name: CatalogName, options: { open?: boolean } = {}): FieldKind => ({ kind: 'catalog', catalog: name, ...options });
export const boolean = (): FieldKind => ({ kind: 'boolean' });
export const percentage = (options: { zero?: boolean } = {}): FieldKind => ({ kind: 'percentage', ...options });
export const count = (minimum: 0 | 1 = 1): FieldKind => ({ kind: 'count', minimum });
export const section = (mapping: string): FieldKind => ({ kind: 'section', mapping });
export const items = (mapping: string): FieldKind => ({ kind: 'items', mapping });
export const steps = (catalogSteps: 'prevention' | 'recovery', mapping?: string): FieldKind => ({
  kind: 'steps',
  catalog: catalogSteps,
  ...(mapping ? { mapping } : {}),
});

export function define(definition: string, key: string, kind: FieldKind, deTitle: string, deDescription: string, enTitle: string, enDescription: string): FieldSpec {
  return { ...kind, definition, key, de: { title: deTitle, description: deDescription }, en: { title: enTitle, description: enDescription } };
}
