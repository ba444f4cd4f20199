import { MarkupKind, type Command, type MarkupContent, type Range } from 'vscode-languageserver-types';
import type { Analysis } from '../../analysis';
import type { Localized } from '../../catalog';
import { completionTexts as texts } from '../../i18n/completionTexts';
import type { Locale } from '../../types';
import { layoutOf, type Layout } from '../../yaml/layout';
import type { TextLine, TextLines } from '../../yaml/lines';
import type { CursorContext } from '../cursorContext';

export interface CompletionOptions {
  /** Today's date, suggested for date fields (tests pass a fixed day). */
  readonly today?: Date;
}

/** Everything one completion needs, computed once. */
export class Request {
  readonly text: string;
  readonly lineIndex: number;
  readonly range: Range;
  private cachedLayout: Layout | undefined;

  constructor(
    readonly analysis: Analysis | undefined,
    readonly lines: TextLines,
    readonly offset: number,
    readonly locale: Locale,
    readonly options: CompletionOptions,
    readonly context: CursorContext,
  ) {
    this.text = lines.source;
    this.lineIndex = lines.indexAt(offset);
    this.range = { start: lines.positionOf(context.replace.start), end: lines.positionOf(context.replace.end) };
  }

  get line(): TextLine {
    return this.lines.at(this.lineIndex);
  }

  get layout(): Layout {
    this.cachedLayout ??= layoutOf(this.lines);
    return this.cachedLayout;
  }

  /** The text of the line after the replaced word. */
  get rest(): string {
    return this.line.text.slice(this.context.replace.end - this.line.start);
  }

  say(message: Localized): string {
    return message[this.locale];
  }
}

const TRIGGER_SUGGEST = 'editor.action.triggerSuggest';

/** Opens the suggestions again after an insertion, for the value that follows. */
export function suggestAgain(request: Request): Command {
  return { title: request.say(texts.suggest), command: TRIGGER_SUGGEST };
}

export function markdown(value: string): MarkupContent {
  return { kind: MarkupKind.Markdown, value };
}

export const spaces = (count: number): string => ' '.repeat(Math.max(0, count));

/** A sort key that keeps the order given. */
export function order(index: number): string {
  return String(index).padStart(3, '0');
}

/** "Hardware-Fehler" in German; "Hardware failure (Hardware-Fehler)" in English, so the German term is always there. */
export function labelWithGerman(label: Localized, locale: Locale): string {
  if (locale === 'de' || label.en.toLowerCase() === label.de.toLowerCase()) return label[locale];
  return `${label.en} (${label.de})`;
}
