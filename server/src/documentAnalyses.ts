import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { analyze, Analysis, reanalyze } from './core';
import { DEFAULT_MAX_FILE_SIZE } from './core/limits';

/**
 * The core's analysis, handed in: the server passes its lazily loaded language service
 * (languageService.ts), so that this cache exists from the start without loading the core.
 */
export interface Analyzer {
  readonly analyze: typeof analyze;
  readonly reanalyze: typeof reanalyze;
}

/**
 * One analysis per open document version, shared by every feature of the server. An analysis
 * is computed on first demand, from the previous version's where there is one (a keystroke
 * re-parses only the list item it touched), and dropped when the document closes.
 */
export class DocumentAnalyses {
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  private maxFileSize = DEFAULT_MAX_FILE_SIZE;

  constructor(
    private readonly today: () => Date,
    private readonly analyzer: () => Analyzer,
  ) {}

  get(document: TextDocument): Analysis {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const options = { today: this.today(), uri: document.uri, maxFileSize: this.maxFileSize };
    const { analyze, reanalyze } = this.analyzer();
    const analysis = cached ? reanalyze(cached.analysis, document.getText(), options) : analyze(document.getText(), options);
    this.cache.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  /** Whether the analysis of exactly this version is at hand. */
  has(document: TextDocument): boolean {
    return this.cache.get(document.uri)?.version === document.version;
  }

  /**
   * The size limit in bytes (Infinity for none); a new one drops every analysis, since whether a
   * text is read at all depends on it. Answers whether it changed.
   */
  setMaxFileSize(bytes: number): boolean {
    if (bytes === this.maxFileSize) return false;
    this.maxFileSize = bytes;
    this.cache.clear();
    return true;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
