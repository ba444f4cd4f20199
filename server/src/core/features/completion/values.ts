import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { SCENARIO_TYPES, categoryById, scenarioTypesOf, type CatalogEntry, type Localized } from '../../catalog';
import { isoDay } from '../../date';
import { formatDuration, parseDuration } from '../../duration';
import { periodText } from '../../i18n/availabilityMessages';
import { completionTexts as texts } from '../../i18n/completionTexts';
import type { Message } from '../../i18n/messages';
import { parsePeriod } from '../../period';
import { fieldDoc } from '../../schema/fieldLookup';
import { referenceItems } from './references';
import { labelWithGerman, markdown, order, type Request } from './request';
import { valueEdit } from './valueEdit';
import { valueSourceAt } from './valueSources';

/** The values `key` can take, at `key: |`: catalog ids, references, durations, dates, booleans. */
export function valueItems(request: Request, key: string): CompletionItem[] {
  const { context } = request;
  const source = valueSourceAt(context.mapPath, key);
  if (!source) return [];
  if (context.inFlowSequence && source.kind !== 'reference') return [];
  switch (source.kind) {
    case 'catalog':
      return catalogItems(request, source.entries);
    case 'scenarioType': {
      const category = context.siblings.get('category') ?? '';
      const types = categoryById(category) ? scenarioTypesOf(category) : SCENARIO_TYPES;
      return catalogItems(request, types);
    }
    case 'reference':
      return referenceItems(request, source);
    case 'duration':
      return durationItems(request, key, source);
    case 'date':
      return dateItems(request);
    case 'dateTime':
      return dateTimeItems(request);
    case 'period':
      return periodItems(request);
    case 'boolean':
      return booleanItems(request, key);
    case 'formatVersion':
      return [
        {
          label: '"1"',
          kind: CompletionItemKind.Constant,
          detail: request.say(texts.formatVersion),
          ...valueEdit(request, '1', { quote: true }),
        },
      ];
  }
}

function catalogItems(request: Request, entries: readonly CatalogEntry[]): CompletionItem[] {
  return entries.map((entry, index) => ({
    label: entry.id,
    kind: CompletionItemKind.EnumMember,
    labelDetails: { description: labelWithGerman(entry.label, request.locale) },
    detail: labelWithGerman(entry.label, request.locale),
    documentation: markdown(`**${request.say(entry.label)}**\n\n${request.say(entry.explanation)}`),
    sortText: order(index),
    ...valueEdit(request, entry.id),
  }));
}

function durationItems(request: Request, key: string, source: { typical: readonly Localized[]; backupIntervals?: boolean }): CompletionItem[] {
  const { context, locale } = request;
  const doc = fieldDoc(context.mapPath, key, locale);
  const explanation = doc ? `**${doc.title}**: ${doc.description}` : '';
  const items: CompletionItem[] = [];
  const offered = new Set<number>();

  const add = (written: string, minutes: number, description: string, documentation: string) => {
    offered.add(minutes);
    items.push({
      label: written,
      kind: CompletionItemKind.Value,
      labelDetails: { description },
      detail: description,
      documentation: markdown(`${documentation}${explanation ? `\n\n${explanation}` : ''}`),
      sortText: order(items.length),
      // `0` as the number, as authors write it
      ...valueEdit(request, written, { raw: written === '0' }),
    });
  };

  if (source.backupIntervals) {
    // The RPO can be no shorter than the interval of the backup that restores the data.
    for (const { written, minutes, ids } of backupIntervals(request)) {
      const description = request.say(texts.backupInterval(ids));
      add(written, minutes, description, `${formatDuration(minutes, locale)} · ${description}`);
    }
  }
  for (const typical of source.typical) {
    const written = typical[locale];
    const parsed = parseDuration(written);
    if (!parsed.ok || offered.has(parsed.minutes)) continue;
    const spelled = formatDuration(parsed.minutes, locale);
    add(written, parsed.minutes, spelled, spelled);
  }
  return items;
}

/** The intervals of the plan's backups, the one the scenario names first; equal intervals merged. */
function backupIntervals(request: Request): { written: string; minutes: number; ids: string[] }[] {
  const named = request.context.siblings.get('backup');
  const backups = [...(request.analysis?.model.backups ?? [])].sort(
    (a, b) => Number(b.id?.value === named) - Number(a.id?.value === named),
  );
  const byMinutes = new Map<number, { written: string; minutes: number; ids: string[] }>();
  for (const backup of backups) {
    const minutes = backup.interval?.minutes;
    const id = backup.id?.value;
    if (minutes === undefined || id === undefined) continue;
    const known = byMinutes.get(minutes);
    if (known) known.ids.push(id);
    else byMinutes.set(minutes, { written: String(backup.interval?.value), minutes, ids: [id] });
  }
  return [...byMinutes.values()];
}

function dateItems(request: Request): CompletionItem[] {
  const today = isoDay(request.options.today ?? new Date());
  return [
    {
      label: today,
      kind: CompletionItemKind.Value,
      labelDetails: { description: request.say(texts.today) },
      detail: request.say(texts.today),
      ...valueEdit(request, today),
    },
  ];
}

/** What yes and no mean, for the boolean fields. */
const BOOLEAN_MEANINGS: Readonly<Record<string, readonly [Message, Message]>> = {
  offsite: [texts.offsiteTrue, texts.offsiteFalse],
  skipped: [texts.skippedTrue, texts.skippedFalse],
};

function booleanItems(request: Request, key: string): CompletionItem[] {
  const meanings = Object.hasOwn(BOOLEAN_MEANINGS, key) ? BOOLEAN_MEANINGS[key] : undefined;
  return [
    { value: 'true', word: texts.yes, meaning: meanings?.[0] },
    { value: 'false', word: texts.no, meaning: meanings?.[1] },
  ].map(({ value, word, meaning }, index) => ({
    label: value,
    kind: CompletionItemKind.Keyword,
    labelDetails: { description: request.say(word) },
    detail: request.say(word),
    ...(meaning ? { documentation: markdown(request.say(meaning)) } : {}),
    sortText: order(index),
    ...valueEdit(request, value, { raw: true }),
  }));
}

/** Now, on the author's clock with its offset from UTC: when an exercise begins. */
function dateTimeItems(request: Request): CompletionItem[] {
  const now = request.options.today ?? new Date();
  const written = localDateTime(Number.isNaN(now.getTime()) ? new Date() : now);
  return [
    {
      label: written,
      kind: CompletionItemKind.Value,
      labelDetails: { description: request.say(texts.now) },
      detail: request.say(texts.now),
      ...valueEdit(request, written),
    },
  ];
}

/** `2026-11-20T09:15:00+01:00`: a date and time on the local clock, to the minute. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${pad(offset / 60)}:${pad(offset % 60)}`;
  return `${isoDay(date, 'local')}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${zone}`;
}

/** The periods that ended last: the month, the quarter and the year before today's. */
function periodItems(request: Request): CompletionItem[] {
  const today = request.options.today ?? new Date();
  const day = Number.isNaN(today.getTime()) ? new Date() : today;
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth();
  const lastMonth = new Date(Date.UTC(year, month - 1, 1));
  const quarter = Math.floor(month / 3);
  const lastQuarter = quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
  const candidates = [
    `${lastMonth.getUTCFullYear()}-${String(lastMonth.getUTCMonth() + 1).padStart(2, '0')}`,
    lastQuarter,
    String(year - 1),
  ];
  return candidates.flatMap((written, index) => {
    const period = parsePeriod(written);
    if (!period) return [];
    const name = periodText(period);
    const description = request.say(name);
    return [
      {
        label: written,
        kind: CompletionItemKind.Value,
        labelDetails: { description },
        detail: description,
        documentation: markdown(request.say(texts.lastPeriod(period.kind, name))),
        sortText: order(index),
        ...valueEdit(request, written, { raw: true }),
      },
    ];
  });
}
