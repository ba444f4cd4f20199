/**
 * A tagged PDF (ISO 32000-1, 14.8) for screen readers, made while pdfmake renders: every line of
 * text the emitter marked with a `StructureTag` (pdfEmitter.ts) goes into the structure tree as
 * what it is (a heading H1–H3, a paragraph P, a table Table–TR–TH/TD, a list L–LI), in reading
 * order; everything else (the running header and footer, the watermark, table rules and fills,
 * list bullets, the status marks, a table's header row repeated on a following page) is marked
 * as an artifact, which screen readers skip.
 *
 * The structure is built from pdfkit's structure API (pdfkit 0.19: `struct`, `addStructure`,
 * `markStructureContent`, `markContent`); pdfmake 0.3 itself does not use it. Links are not
 * tagged as Link elements, nor images described: drplan's documents have no images.
 */

/** What a line of text is in the document's structure; the emitter puts it on the text node. */
export interface StructureTag {
  readonly type: 'H1' | 'H2' | 'H3' | 'P' | 'TH' | 'TD' | 'LI';
  /** The block (or table cell, list item) the line belongs to: its lines share one element. */
  readonly key: string;
  /** A table cell's table and row (-1: the header row). */
  readonly table?: string;
  readonly row?: number;
  /** A list item's list. */
  readonly list?: string;
}

/** The property of a pdfmake text node, and of the lines laid out from it, that holds its tag. */
export const STRUCTURE = 'drplanStructure';

interface StructureElement {
  add(child: StructureElement | object): StructureElement;
  end(): void;
}

/** The parts of pdfkit's document (pdfkit 0.19) the tagging uses. */
export interface TaggedDocument {
  struct(type: string): StructureElement;
  addStructure(element: StructureElement): void;
  markStructureContent(type: string): object;
  markContent(tag: string, options?: Record<string, unknown> | null): void;
  endMarkedContent(): void;
}

/** The parts of pdfmake's Renderer (js/Renderer.js) that draw. */
export interface DrawingRenderer {
  renderLine(line: object, x: number, y: number): void;
  renderVector(vector: object): void;
  renderSVG(svg: object): void;
  renderImage(image: object): void;
  renderWatermark(page: object): void;
}

interface Open {
  readonly key: string;
  readonly element: StructureElement;
}

/** Builds the structure tree while `renderer` draws into `pdf`; `finish` before the document ends. */
export class Tagging {
  private readonly root: StructureElement;
  private container: (Open & { readonly kind: 'Table' | 'L' }) | undefined;
  private row: (Open & { readonly index: number }) | undefined;
  private leaf: Open | undefined;
  /** Tables whose header row was read once: on later pages it is a repetition. */
  private readonly headed = new Set<string>();

  constructor(private readonly pdf: TaggedDocument, renderer: DrawingRenderer) {
    this.root = pdf.struct('Document');
    pdf.addStructure(this.root);
    const { renderLine, renderVector, renderSVG, renderImage, renderWatermark } = renderer;
    renderer.renderLine = (line, x, y) => this.line(line, () => renderLine.call(renderer, line, x, y));
    renderer.renderVector = (vector) => this.artifact(() => renderVector.call(renderer, vector));
    renderer.renderSVG = (svg) => this.artifact(() => renderSVG.call(renderer, svg));
    renderer.renderImage = (image) => this.artifact(() => renderImage.call(renderer, image));
    renderer.renderWatermark = (page) => this.artifact(() => renderWatermark.call(renderer, page));
  }

  finish(): void {
    this.closeContainer();
    this.root.end();
  }

  private line(line: object, draw: () => void): void {
    const tag = (line as Record<string, unknown>)[STRUCTURE] as StructureTag | undefined;
    const element = tag && this.elementFor(tag);
    if (!tag || !element) {
      this.artifact(draw, tag ? undefined : { Type: 'Pagination' });
      return;
    }
    const content = this.pdf.markStructureContent(tag.type);
    draw();
    this.pdf.endMarkedContent();
    element.add(content);
  }

  private artifact(draw: () => void, options?: Record<string, unknown>): void {
    this.pdf.markContent('Artifact', options ?? null);
    draw();
    this.pdf.endMarkedContent();
  }

  /** The element a tagged line goes into; none for a table's header row repeated on a later page. */
  private elementFor(tag: StructureTag): StructureElement | undefined {
    if (this.leaf?.key === tag.key) return this.leaf.element;
    if (tag.table !== undefined) {
      if (tag.row === -1 && this.headed.has(tag.table) && !(this.container?.key === tag.table && this.row?.index === -1)) return undefined;
      const table = this.open('Table', tag.table);
      if (tag.row === -1) this.headed.add(tag.table);
      if (!this.row || this.row.index !== tag.row) {
        this.closeLeaf();
        this.row?.element.end();
        const element = this.pdf.struct('TR');
        table.add(element);
        this.row = { key: `${tag.table}:${tag.row}`, element, index: tag.row ?? -1 };
      }
      return this.openLeaf(tag, this.row.element);
    }
    if (tag.list !== undefined) return this.openLeaf(tag, this.open('L', tag.list));
    this.closeContainer();
    return this.openLeaf(tag, this.root);
  }

  private open(kind: 'Table' | 'L', key: string): StructureElement {
    if (this.container?.key === key) return this.container.element;
    this.closeContainer();
    const element = this.pdf.struct(kind);
    this.root.add(element);
    this.container = { kind, key, element };
    return element;
  }

  private openLeaf(tag: StructureTag, parent: StructureElement): StructureElement {
    this.closeLeaf();
    const element = this.pdf.struct(tag.type);
    parent.add(element);
    this.leaf = { key: tag.key, element };
    return element;
  }

  private closeLeaf(): void {
    this.leaf?.element.end();
    this.leaf = undefined;
  }

  private closeContainer(): void {
    this.closeLeaf();
    this.row?.element.end();
    this.row = undefined;
    this.container?.element.end();
    this.container = undefined;
  }
}

/** The pdfmake text node, marked with what it is in the structure. */
export function tagged<T extends object>(node: T, tag: StructureTag): T {
  (node as Record<string, unknown>)[STRUCTURE] = tag;
  return node;
}
