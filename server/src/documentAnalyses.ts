import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from './core';

/**
 * One analysis per open document version, shared by every feature of the server. An analysis
 * is computed on first demand and dropped when the document changes or closes.
 */
export class DocumentAnalyses {
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();

  constructor(private readonly today: () => Date) {}

  get(document: TextDocument): Analysis {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = analyze(document.getText(), { today: this.today(), uri: document.uri });
    this.cache.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  /** Whether the analysis of exactly this version is at hand. */
  has(document: TextDocument): boolean {
    return this.cache.get(document.uri)?.version === document.version;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
