import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { YamlDocument } from '../parse/yamlDocument';

/**
 * Reads the plain text fields the document shows (names, places, notes) from the analysed YAML.
 * The plan model keeps only what rules need; the document needs more, and reads it here from
 * the same parse, never parsing again. Values of the wrong shape are simply absent, as in the
 * model: the schema reports them, the document renders what it can.
 */
export class PlanReader {
  constructor(private readonly yaml: YamlDocument) {}

  /** The root mapping, or undefined when the file is not one. */
  root(): YAMLMap | undefined {
    const root = this.yaml.resolve(this.yaml.root);
    return isMap(root) ? root : undefined;
  }

  /** The mapping under `key` (aliases and merge keys followed). */
  map(node: YAMLMap | undefined, key: string): YAMLMap | undefined {
    const value = this.value(node, key);
    return isMap(value) ? value : undefined;
  }

  /** A scalar as text: strings trimmed, numbers as written by YAML; empty text counts as absent. */
  text(node: YAMLMap | undefined, key: string): string | undefined {
    const value = this.value(node, key);
    if (!isScalar(value)) return undefined;
    const scalar = value.value;
    if (typeof scalar === 'string') return scalar.trim() === '' ? undefined : scalar.trim();
    if (typeof scalar === 'number' || typeof scalar === 'bigint') return String(scalar);
    return undefined;
  }

  number(node: YAMLMap | undefined, key: string): number | undefined {
    const value = this.value(node, key);
    return isScalar(value) && typeof value.value === 'number' && Number.isFinite(value.value) ? value.value : undefined;
  }

  flag(node: YAMLMap | undefined, key: string): boolean | undefined {
    const value = this.value(node, key);
    return isScalar(value) && typeof value.value === 'boolean' ? value.value : undefined;
  }

  /** The text items of a list with their lines; a single text stands for a list of one. */
  texts(node: YAMLMap | undefined, key: string): { text: string; line: number }[] {
    const value = this.value(node, key);
    const items: Node[] = isSeq(value) ? (value.items as Node[]) : value ? [value] : [];
    const result: { text: string; line: number }[] = [];
    for (const written of items) {
      const item = this.yaml.resolve(written);
      if (!isScalar(item)) continue;
      const scalar = item.value;
      const itemText = typeof scalar === 'string' ? scalar.trim() : typeof scalar === 'number' ? String(scalar) : '';
      if (itemText !== '') result.push({ text: itemText, line: this.lineOf(written) });
    }
    return result;
  }

  /** The 0-based line of an offset. */
  line(offset: number): number {
    return this.yaml.index.position(offset).line;
  }

  lineOf(node: Node): number {
    return this.line(this.yaml.span(node)[0]);
  }

  /** The line of a key of a mapping (where a section of the plan begins). */
  keyLine(node: YAMLMap | undefined, key: string): number | undefined {
    if (!node) return undefined;
    const entry = this.yaml.entries(node).get(key);
    return entry ? this.lineOf(entry.keyNode) : undefined;
  }

  /** [start, end) of a node, for finding the diagnostics inside it. */
  span(node: Node): [number, number] {
    return this.yaml.span(node);
  }

  private value(node: YAMLMap | undefined, key: string): Node | null {
    if (!node) return null;
    return this.yaml.entries(node).get(key)?.value ?? null;
  }
}
