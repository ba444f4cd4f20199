import { COLOR } from './pdfStyle';
import { neutralise } from './safeText';
import type { BarChart, BarRow, Chart } from './tree';

/**
 * A chart of the document as SVG, drawn by drplan (no chart library): a row per bar, the label
 * on the left, the bar from the axis' start, the value beside it, the limit as a dashed line
 * across all rows, the ticks below. One drawing for the preview, the HTML file and the PDF:
 *
 * - every element has a class (`bar ok`, `limit`, …) and the print colours as presentation
 *   attributes. In HTML the stylesheet's rules (DOCUMENT_CSS, colours from the --drplan-chart-*
 *   properties, which the preview sets per theme) win over the attributes; pdfmake's SVG renderer
 *   (svg-to-pdfkit) reads the attributes. No `style` attribute and no script: the HTML's
 *   Content-Security-Policy stays as strict as it is.
 * - bars differ in their look, not in colour alone (solid, hatched, outline), and every value is
 *   written beside its bar, so a grey print reads as well as a colour screen.
 * - the author's text is escaped for XML and its bidi and control characters neutralised.
 */

/** Width of the drawing in points: the PDF's text width, nearly. */
export const CHART_WIDTH = 480;
const ROW = 16;
const BAR = 10;
const TOP = 14;
const AXIS = 16;
const LABEL_WIDTH = 118;
const VALUE_WIDTH = 104;
const PLOT_LEFT = LABEL_WIDTH + 6;
const PLOT_RIGHT = CHART_WIDTH - VALUE_WIDTH;
const FONT = 8;
/** About how wide a character of Roboto is at the chart's type size. */
const CHAR = FONT * 0.52;
/** Distance between the lines of a hatched bar. */
const HATCH = 3.5;

/** The print colours (the PDF's): what an SVG without the stylesheet shows. */
const PRINT = {
  ok: COLOR.ok,
  over: COLOR.failed,
  neutral: COLOR.accent,
  text: COLOR.fg,
  muted: COLOR.muted,
  rule: COLOR.rule,
  ground: '#ffffff',
} as const;

/** The height of a chart's drawing in points. */
export function chartHeight(bars: BarChart): number {
  return TOP + bars.rows.length * ROW + AXIS;
}

/** The chart as an SVG document (a string): for pdfmake's `svg` node and, inline, for HTML. */
export function chartSvg(chart: Chart): string {
  const { bars } = chart;
  const { id } = chart;
  const height = chartHeight(bars);
  const x = (value: number) => PLOT_LEFT + ((Math.min(Math.max(value, bars.axis.from), bars.axis.to) - bars.axis.from) / (bars.axis.to - bars.axis.from || 1)) * (PLOT_RIGHT - PLOT_LEFT);
  const out: string[] = [
    `<svg class="chart-svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-labelledby="${id}-title" font-family="Roboto, Helvetica, Arial, sans-serif" font-size="${FONT}">`,
    `<title id="${id}-title">${xml(chart.title)}</title>`,
  ];
  // Grid lines at the ticks, under the bars.
  for (const tick of bars.axis.ticks) {
    const at = round(x(tick.value));
    out.push(`<line class="grid" x1="${at}" y1="${TOP - 4}" x2="${at}" y2="${height - AXIS}" stroke="${PRINT.rule}" stroke-width="0.5"/>`);
  }
  bars.rows.forEach((row, index) => out.push(...rowElements(row, TOP + index * ROW, x)));
  // The axis and its ticks.
  const axisY = height - AXIS;
  out.push(`<line class="axis" x1="${PLOT_LEFT}" y1="${axisY}" x2="${PLOT_RIGHT}" y2="${axisY}" stroke="${PRINT.muted}" stroke-width="0.75"/>`);
  for (const tick of bars.axis.ticks) {
    out.push(`<text class="tick" x="${round(x(tick.value))}" y="${axisY + 11}" text-anchor="middle" fill="${PRINT.muted}">${xml(tick.label)}</text>`);
  }
  if (bars.limit) {
    const at = round(x(bars.limit.value));
    out.push(
      `<line class="limit" x1="${at}" y1="${TOP - 6}" x2="${at}" y2="${axisY}" stroke="${PRINT.text}" stroke-width="1.2" stroke-dasharray="4 2"/>`,
      `<text class="limit-label" x="${at}" y="${TOP - 8}" text-anchor="${at > (PLOT_LEFT + PLOT_RIGHT) / 2 ? 'end' : 'start'}" fill="${PRINT.text}" font-weight="bold">${xml(fit(bars.limit.label, (CHART_WIDTH - LABEL_WIDTH) / CHAR))}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

function rowElements(row: BarRow, top: number, x: (value: number) => number): string[] {
  const middle = top + ROW / 2;
  const baseline = round(middle + FONT * 0.35);
  const elements = [`<text class="bar-label" x="${LABEL_WIDTH}" y="${baseline}" text-anchor="end" fill="${PRINT.text}">${xml(fit(row.label, LABEL_WIDTH / CHAR))}</text>`];
  let end = PLOT_LEFT;
  if (row.value !== undefined) {
    end = Math.max(PLOT_LEFT + 1, x(row.value));
    const y = round(middle - BAR / 2);
    const width = round(end - PLOT_LEFT);
    const color = PRINT[row.tone];
    const fill = row.look === 'solid' ? color : 'none';
    if (row.look === 'hatched') elements.push(hatching(row.tone, PLOT_LEFT, y, width, BAR));
    elements.push(`<rect class="bar ${row.look} ${row.tone}" x="${PLOT_LEFT}" y="${y}" width="${width}" height="${BAR}" fill="${fill}" stroke="${color}" stroke-width="1"/>`);
  }
  const value = fit(row.text, (CHART_WIDTH - end - 4) / CHAR);
  // The page's colour under the value, so the grid lines it crosses do not strike through it
  // (the limit's line stays on top: where a value meets it, the line is what matters).
  const ground = Math.min(CHART_WIDTH - end - 2, [...value].length * CHAR * 1.1 + 4);
  elements.push(
    `<rect class="ground" x="${round(end + 2)}" y="${round(middle - FONT * 0.7)}" width="${round(ground)}" height="${round(FONT * 1.4)}" fill="${PRINT.ground}"/>`,
    `<text class="bar-value" x="${round(end + 4)}" y="${baseline}" fill="${PRINT.text}">${xml(value)}</text>`,
  );
  return elements;
}

/**
 * Diagonal lines across a bar, each cut at the bar's edges (one path): a hatched bar reads apart
 * from a solid one in grey. Lines, not an SVG pattern: no ids to keep unique in a page of many
 * charts, no `url()` reference, and the same in the browser and in svg-to-pdfkit.
 */
function hatching(tone: BarRow['tone'], left: number, top: number, width: number, height: number): string {
  const segments: string[] = [];
  const right = left + width;
  for (let start = left - height; start < right; start += HATCH) {
    // From (start, bottom) up to (start + height, top), cut to [left, right].
    const from = Math.max(start, left);
    const to = Math.min(start + height, right);
    if (to - from < 0.5) continue;
    const yOf = (atX: number) => round(top + height - (atX - start));
    segments.push(`M${round(from)} ${yOf(from)}L${round(to)} ${yOf(to)}`);
  }
  return `<path class="hatch ${tone}" d="${segments.join('')}" fill="none" stroke="${PRINT[tone]}" stroke-width="1.4"/>`;
}

/** A text cut to about `characters`, with an ellipsis: the text beside the chart holds it whole. */
function fit(text: string, characters: number): string {
  const limit = Math.max(4, Math.floor(characters));
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('').trimEnd()}…`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for XML content: escaped, bidi and control characters neutralised (and U+FFFE/U+FFFF, which XML has not), on one line. */
function xml(text: string): string {
  return neutralise(text)
    .replace(/[\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
