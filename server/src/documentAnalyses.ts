import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './core';
import type { LanguageService } from './core/languageService';

/**
 * One analysis per open document version, shared by every feature of the server. An analysis
 * is computed on first demand, from the previous version's where there is one (a keystroke
 * re-parses only the list item it touched), and dropped when the document closes.
 */
export class DocumentAnalyses {
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();

  constructor(private readonly service: LanguageService) {}

  get(document: TextDocument): Analysis {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const source = { uri: document.uri };
    // The previous analysis is consumed (its tree and findings move in place): should the new one
    // fail half-way, the next version is analysed afresh, not from what is left of it.
    this.cache.delete(document.uri);
    const analysis = cached ? this.service.reanalyze(cached.analysis, document.getText(), source) : this.service.analyze(document.getText(), source);
    this.cache.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  /** Whether some version of the document at `uri` has been analysed (and not closed since). */
  analysed(uri: string): boolean {
    return this.cache.has(uri);
  }

  /** Whether the analysis of exactly this version is at hand. */
  has(document: TextDocument): boolean {
    return this.cache.get(document.uri)?.version === document.version;
  }

  /**
   * The service's size limit in bytes (Infinity for none); a new one drops every analysis, since
   * whether a text is read at all depends on it. Answers whether it changed.
   */
  setMaxFileSize(bytes: number): boolean {
    if (!this.service.configure({ maxFileSize: bytes })) return false;
    this.cache.clear();
    return true;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
