import { componentKindById, enumEntryById, type EnumName } from '../catalog';
import { formatDate } from '../date';
import { everyText, writtenDuration } from '../duration';
import type { BackupModel, ComponentModel, DateField, DurationField, TextField } from '../model/plan';
import { field } from '../schema/fieldLookup';
import { LABELS } from './texts';
import { emphasis, text, type Inline, type Table, type TableColumn, type TableRow } from './tree';

/**
 * Small pieces every chapter uses: table columns and cells, and how the document shows a value
 * of the plan (free text trimmed, durations and dates in German, what is missing or invalid).
 */

/** A field's German title from the field table: what the document calls the field. */
export function fieldLabel(definition: string, key: string): string {
  const spec = field(definition, key);
  if (!spec) throw new Error(`no field ${definition}.${key}`);
  return spec.de.title;
}

/** Free text as the document shows it: trimmed; empty counts as absent. */
export function shown(field: TextField | undefined): string | undefined {
  return field?.value.trim() || undefined;
}

export function cell(value: string | undefined): Inline[] {
  return [text(value ?? LABELS.none)];
}

export function orMissing(value: string | undefined): Inline[] {
  return value === undefined ? [emphasis(text(LABELS.missing))] : [text(value)];
}

/**
 * A duration in German words as its author wrote it ("1 w" → "1 Woche", "PT4H" → "4 Stunden"):
 * the one function for every duration the document shows. One that does not parse, as written.
 */
export function durationWords(field: DurationField): string {
  return writtenDuration(field.value, 'de') ?? String(field.value);
}

/**
 * A duration cell or value: `absent` when the plan has none (emphasised unless it is the dash),
 * `zero` for a duration of 0 where it means something of its own ("kein Datenverlust" for an
 * RPO, "laufend" for a backup interval).
 */
export function durationValue(field: DurationField | undefined, absent: string = LABELS.none, zero?: string): Inline[] {
  if (!field) return absent === LABELS.none ? [text(absent)] : [emphasis(text(absent))];
  if (field.minutes === 0 && zero !== undefined) return [text(zero)];
  if (field.minutes !== undefined) return [text(durationWords(field))];
  return [text(String(field.value)), emphasis(text(` (${LABELS.invalid})`))];
}

/** How often a backup runs: "alle 4 Stunden", "täglich", "laufend". */
export function intervalWords(field: DurationField): string {
  return everyText(field).de;
}

export function dateValue(field: DateField | undefined, absent: string = LABELS.missing): Inline[] {
  if (!field) return absent === LABELS.none ? [text(absent)] : [emphasis(text(absent))];
  if (field.day !== undefined) return [text(formatDate(field.day, 'de'))];
  return [text(String(field.value)), emphasis(text(` (${LABELS.invalid})`))];
}

/** The German label of a catalog value; undefined when the catalog does not know it. */
export function enumLabel(name: EnumName, id: string | undefined): string | undefined {
  return id === undefined ? undefined : enumEntryById(name, id)?.label.de;
}

/** A backup's method in German, else as written. */
export function methodLabel(backup: BackupModel): string | undefined {
  const method = shown(backup.method);
  return method === undefined ? undefined : (enumEntryById('backupMethod', method)?.label.de ?? method);
}

export function table(columns: TableColumn[], rows: TableRow[], size: Table['size'], line: number | undefined): Table {
  return { kind: 'table', columns, rows, size, sourceLine: line };
}

export function col(title: string, width: number, align?: TableColumn['align']): TableColumn {
  return align ? { title, width, align } : { title, width };
}

/** A column of short values (durations, dates, numbers) that should not wrap. */
export function short(title: string, width: number, align?: TableColumn['align']): TableColumn {
  return { ...col(title, width, align), nowrap: true };
}

/** "Zeile 42": where the author finds a finding in the plan file (shown small, beside the reader's text). */
export function lineReference(point: { readonly line: number }): string {
  return `Zeile ${point.line}`;
}

/** A component as the document names it: its name, else its id. */
export function componentName(component: ComponentModel): string {
  return shown(component.nameText) ?? component.id?.value ?? LABELS.missing;
}

/** A component's kind as its German catalog label; a kind the catalog does not know, as written. */
export function componentKindLabel(component: ComponentModel): string | undefined {
  const kind = component.kind?.value.trim() || undefined;
  return kind === undefined ? undefined : (componentKindById(kind)?.label.de ?? kind);
}
