import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem } from 'vscode-languageserver-types';
import { SCENARIO_TYPES, categoryById, type ScenarioType } from '../../catalog';
import { completionTexts as texts } from '../../i18n/completionTexts';
import type { Layout } from '../../yaml/layout';
import { isBlankOrComment } from '../../yaml/lines';
import { blockEntryLines, choice, tabStop, text, verbatim } from '../../yaml/write';
import { catalogScenario } from '../scenarioSkeleton';
import { labelWithGerman, markdown, order, spaces, type Request } from './request';
import { escapeMarkdown } from '../markdown';

/** Whole scenarios from the catalog, at an item position of `scenarios`. */
export function scenarioItems(request: Request): CompletionItem[] {
  const slot = scenarioSlot(request);
  if (!slot) return [];
  const { locale, context } = request;
  const scenarios = request.analysis?.model.scenarios ?? [];
  const usedIds = new Set(scenarios.map((scenario) => scenario.id?.value).filter((id): id is string => id !== undefined));
  const coveredBy = (type: string) =>
    scenarios.filter((scenario) => scenario.type?.value === type).map((scenario) => scenario.id?.value ?? '?');
  const backupIds = (request.analysis?.model.backups ?? [])
    .map((backup) => backup.id?.value)
    .filter((id): id is string => id !== undefined && /^[a-z0-9][a-z0-9-]*$/.test(id));
  // A lone `-` typed so far is part of what the item replaces.
  const filterLead = context.prefix.startsWith('-') ? '- ' : '';

  return SCENARIO_TYPES.map((type, index): CompletionItem => {
    const category = categoryById(type.category);
    const covered = coveredBy(type.id);
    const label = request.say(texts.scenario(request.say(type.label)));
    const documentation = [
      `**${request.say(type.label)}**${category ? ` · ${labelWithGerman(category.label, locale)}` : ''}`,
      request.say(type.explanation),
      `**${request.say(texts.prevention)}:**\n${type.prevention.map((step) => `- ${step}`).join('\n')}`,
      `**${request.say(texts.recovery)}:**\n${type.recovery.map((step) => `- ${step}`).join('\n')}`,
      ...(covered.length > 0 ? [`_${request.say(texts.alreadyCovered(covered.map(escapeMarkdown)))}_`] : []),
    ];
    return {
      label,
      kind: CompletionItemKind.Snippet,
      detail: category ? request.say(texts.scenarioDetail(category.label)) : undefined,
      labelDetails: { description: type.id },
      documentation: markdown(documentation.join('\n\n')),
      // scenarios the plan lacks first, in catalog order
      sortText: `0${covered.length > 0 ? 1 : 0}${order(index)}`,
      filterText: `${filterLead}${label} ${type.id}`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range: request.range, newText: slot.lead + scenarioSnippet(type, slot.keyColumn, request.layout, usedIds, backupIds) },
    };
  });
}

/** A scenario of the type, from `id:` on, with the catalog's steps and tab stops for the durations. */
function scenarioSnippet(type: ScenarioType, keyColumn: number, layout: Layout, usedIds: ReadonlySet<string>, backupIds: readonly string[]): string {
  let id = type.id;
  for (let n = 2; usedIds.has(id); n++) id = `${type.id}-${n}`;
  const entries = catalogScenario(type, {
    id: tabStop(1, text(id)),
    recoveryTime: tabStop(2, verbatim('4h')),
    rto: tabStop(3, verbatim('8h')),
    rpo: tabStop(4, verbatim(type.losesData ? '4h' : '0')),
    ...(type.losesData && backupIds.length > 0 ? { backup: choice(5, backupIds) } : {}),
  });
  const lines = blockEntryLines(entries, keyColumn, layout, { snippet: true });
  // The first line follows what stands before the cursor (`- ` or the item's own dash).
  lines[0] = (lines[0] as string).slice(keyColumn);
  return `${lines.join('\n')}$0`;
}

interface ScenarioSlot {
  /** Written before `id:` (the dash, and blanks up to the list's column). */
  readonly lead: string;
  /** The column of the scenario's keys. */
  readonly keyColumn: number;
}

/** Where a new scenario would go, when the cursor is at an item position of `scenarios`. */
function scenarioSlot(request: Request): ScenarioSlot | undefined {
  const { context } = request;
  const path = context.mapPath;
  // Only on an otherwise empty line: the template must not swallow what follows the cursor.
  if (request.rest.trim() !== '') return undefined;
  // `  - |` on a new item of the list
  if (context.startsItem && path.length === 2 && path[0] === 'scenarios' && typeof path[1] === 'number') {
    return context.siblings.size === 0 ? { lead: '', keyColumn: context.column } : undefined;
  }
  if (context.startsItem) return undefined;
  const owner = scenariosKeyAbove(request);
  if (owner === undefined) return undefined;
  const itemColumn = scenarioDashColumn(request, owner) ?? owner.column + request.layout.sequenceIndent;
  // An empty line (or a lone `-`) at the column of the list's items (in the compact style, the
  // column of `scenarios:` itself, where a top-level key could go as well)
  const inList = (path.length === 1 && path[0] === 'scenarios') || itemColumn === owner.column;
  if (inList && context.column === itemColumn) {
    return { lead: '- ', keyColumn: itemColumn + 2 };
  }
  // The line right after `scenarios:`, not (or not fully) indented yet
  if (owner.line === previousStructuralLine(request) && context.column <= itemColumn) {
    return { lead: `${spaces(itemColumn - context.column)}- `, keyColumn: itemColumn + 2 };
  }
  return undefined;
}

/** The top-level `scenarios:` key line above the cursor, if it opens a block list. */
function scenariosKeyAbove(request: Request): { line: number; column: number } | undefined {
  for (let i = request.lineIndex - 1; i >= 0; i--) {
    if (request.lines.indent(i) !== 0 || request.lines.charAfterIndent(i) === '-') continue; // quick: no substring
    const text = request.lines.text(i);
    if (/^scenarios\s*:\s*(#.*)?$/.test(text)) return { line: i, column: 0 };
    return undefined; // another top-level key
  }
  return undefined;
}

function previousStructuralLine(request: Request): number | undefined {
  for (let i = request.lineIndex - 1; i >= 0; i--) {
    if (request.lines.indent(i) >= 0) return i;
  }
  return undefined;
}

/** The column of the dashes of the existing scenarios (not counting the cursor's line). */
function scenarioDashColumn(request: Request, owner: { line: number }): number | undefined {
  for (let i = owner.line + 1; i < request.lines.length; i++) {
    if (i === request.lineIndex) continue;
    const text = request.lines.text(i);
    if (isBlankOrComment(text)) continue;
    const trimmed = text.trimStart();
    return /^-(\s|$)/.test(trimmed) ? text.length - trimmed.length : undefined;
  }
  return undefined;
}
