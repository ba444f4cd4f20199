import type { CustomTableLayout, Style } from 'pdfmake/interfaces';
import type { StatusMark } from './tree';

/** The look of the PDF: colours, page, type styles, table layouts, the ✓/○/✗ marks. */

export const COLOR = {
  fg: '#1d1d1f',
  muted: '#5b6270',
  accent: '#1f4e8c',
  rule: '#c9ced6',
  headBg: '#e9eef5',
  groupBg: '#f4f6f9',
  ok: '#1a7f37',
  failed: '#c62828',
  info: '#eef4fb',
  warning: '#fff6e0',
  warningRule: '#d49b00',
  error: '#fdecec',
};

/** A4 in points, and margins [left, top, right, bottom] of about 20 mm. */
const PAGE = { width: 595.28, height: 841.89 };
export const MARGINS: [number, number, number, number] = [56, 62, 56, 58];
export const CONTENT_WIDTH = PAGE.width - MARGINS[0] - MARGINS[2];

/**
 * ✓, ○ or ✗ drawn as lines, 9 pt high. An SVG, not a pdfmake canvas: pdfmake moves canvas
 * vectors in place while laying out, so a canvas breaks when a page break makes it lay out again.
 */
export function statusMark(mark: StatusMark): { svg: string; width: number; height: number } {
  const color = STATUS_COLOR[mark];
  const lines =
    mark === 'ok'
      ? `<polyline points="0.8,5.2 3.6,8.4 9.2,0.8" fill="none" stroke="${color}" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>`
      : mark === 'untested'
        ? `<circle cx="5" cy="5" r="3.7" fill="none" stroke="${color}" stroke-width="1.3"/>`
        : `<path d="M1,1 L8.5,8.5 M8.5,1 L1,8.5" stroke="${color}" stroke-width="1.6" stroke-linecap="round"/>`;
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">${lines}</svg>`, width: 9, height: 9 };
}

export const STATUS_COLOR: Readonly<Record<StatusMark, string>> = { ok: COLOR.ok, untested: COLOR.muted, failed: COLOR.failed };

/** A remark for the author (a line of the plan file) beside the reader's text: smaller and grey. */
export const REMARK = { fontSize: 6.5, color: COLOR.muted } as const;

export const STYLES: Record<string, Style> = {
  title: { fontSize: 28, bold: true, color: COLOR.accent, lineHeight: 1.1, margin: [0, 0, 0, 8] },
  subtitle: { fontSize: 14, color: COLOR.muted, margin: [0, 0, 0, 36] },
  h1: { fontSize: 16, bold: true, color: COLOR.accent, margin: [0, 16, 0, 8] },
  h2: { fontSize: 13, bold: true, color: COLOR.accent, margin: [0, 12, 0, 6] },
  h3: { fontSize: 11, bold: true, color: COLOR.accent, margin: [0, 12, 0, 5] },
  tocTitle: { fontSize: 16, bold: true, color: COLOR.accent, margin: [0, 0, 0, 12] },
  paragraph: { margin: [0, 0, 0, 6] },
  small: { fontSize: 8, color: COLOR.muted, margin: [0, 0, 0, 4] },
  label: { bold: true, margin: [0, 5, 0, 3] },
  chartTitle: { bold: true, fontSize: 8.5, margin: [0, 0, 0, 2] },
  list: { margin: [0, 0, 0, 6] },
  fieldLabel: { bold: true, color: COLOR.muted },
  tableHeader: { bold: true, fillColor: COLOR.headBg },
  tableNormal: { fontSize: 9 },
  tableCompact: { fontSize: 7.5, lineHeight: 1.15 },
  groupRow: { bold: true, color: COLOR.accent },
  noteTitle: { bold: true, margin: [0, 0, 0, 3] },
  running: { fontSize: 7.5, color: COLOR.muted },
  card: { fontSize: 8.5 },
};

export const TOC_STYLES: Record<1 | 2 | 3, Style> = {
  1: { bold: true, fontSize: 10 },
  2: { fontSize: 9.5 },
  3: { fontSize: 8.5, color: COLOR.muted },
};

/** The contents without rules, and tight: a plan of 40 scenarios keeps them on one page. */
export const TOC_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (column: number) => (column === 0 ? 0 : 4),
  paddingRight: (column: number) => (column === 0 ? 4 : 0),
  paddingTop: () => 0.5,
  paddingBottom: () => 0.5,
};

export function tocMargin(level: 1 | 2 | 3): [number, number, number, number] {
  return [(level - 1) * 14, level === 1 ? 5 : 1.5, 0, 0];
}

export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => COLOR.rule,
  vLineColor: () => COLOR.rule,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

export const FIELDS_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (column) => (column === 0 ? 0 : 10),
  paddingRight: () => 0,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

export const NOTE_FILL = { info: COLOR.info, warning: COLOR.warning, error: COLOR.error } as const;

export function noteLayout(tone: 'info' | 'warning' | 'error'): CustomTableLayout {
  const rule = tone === 'info' ? COLOR.accent : tone === 'warning' ? COLOR.warningRule : COLOR.failed;
  return {
    hLineWidth: () => 0,
    vLineWidth: (column) => (column === 0 ? 3 : 0),
    vLineColor: () => rule,
    paddingLeft: () => 9,
    paddingRight: () => 8,
    paddingTop: () => 6,
    paddingBottom: () => 5,
  };
}
