import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { XmlDocument, XmlElement } from 'xmldoc';
import { analyze } from '../../server/src/core';
import { toHtml, toPdf } from '../../server/src/core/render';
import { CHART_WIDTH, chartHeight, chartSvg } from '../../server/src/core/render/chartSvg';
import { availabilityChart, budgetChart, minutesAxis, percentAxis, recoveryChart } from '../../server/src/core/render/evidenceCharts';
import type { Chart } from '../../server/src/core/render/tree';
import { documentOf, flatten, rowsText, section, tables } from '../support/documentTree';
import { HEAD } from '../support/rulePlans';

/** The elements of a parsed SVG, depth first. */
function elements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap((child) => (child instanceof XmlElement ? elements(child) : []))];
}

const chart = (rows: Chart['bars']['rows'], limit?: Chart['bars']['limit']): Chart => ({
  kind: 'chart',
  id: 'diagramm-test',
  title: 'Test <Diagramm> & "Titel"',
  bars: { rows, axis: { from: 0, to: 100, ticks: [0, 50, 100].map((value) => ({ value, label: `${value} %` })) }, ...(limit ? { limit } : {}) },
  alternative: [],
});

describe('the charts’ SVG (render/chartSvg.ts)', () => {
  const hostile = chart(
    [
      { label: '<script>alert(1)</script>', value: 50, text: 'a & b "c" \'d\'', look: 'solid', tone: 'ok' },
      { label: 'Text mit \u202Eumgedreht\u202C und \uFFFF', value: 100, text: '100 %', look: 'hatched', tone: 'over' },
      { label: 'nichts gemessen', value: undefined, text: 'unbekannt', look: 'outline', tone: 'neutral' },
    ],
    { value: 75, label: 'Ziel 75 %' },
  );
  const svg = chartSvg(hostile);

  it('is well-formed XML, as pdfmake’s parser (xmldoc) reads it, with the chart’s size', () => {
    const document = new XmlDocument(svg);
    assert.equal(document.name, 'svg');
    assert.equal(document.attr.width, String(CHART_WIDTH));
    assert.equal(document.attr.height, String(chartHeight(hostile.bars)));
    assert.equal(document.attr.role, 'img');
    assert.equal(document.childNamed('title')?.val, 'Test <Diagramm> & "Titel"');
    assert.equal(document.attr['aria-labelledby'], document.childNamed('title')?.attr.id);
  });

  it('escapes the labels and neutralises bidi characters: no markup of the author gets through', () => {
    assert.ok(!svg.includes('<script'), svg);
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(svg.includes('a &amp; b &quot;c&quot; &#39;d&#39;'));
    assert.ok(!/[\u202A-\u202E\uFFFF]/.test(svg));
    assert.ok(svg.includes('[U+202E]umgedreht[U+202C]'));
    const texts = elements(new XmlDocument(svg)).filter((element) => element.name === 'text').map((element) => element.val);
    assert.ok(texts.includes('<script>alert(1)</script>'));
    // No reference, no style attribute: nothing the HTML's policy would refuse.
    assert.ok(!/url\(|\sstyle=|href|xlink|<script|<foreignObject/i.test(svg));
  });

  it('draws each value to scale, the limit across, and tells bars apart without colour', () => {
    const all = elements(new XmlDocument(svg));
    const bars = all.filter((element) => element.name === 'rect' && element.attr.class !== 'ground');
    assert.deepEqual(
      bars.map((bar) => bar.attr.class),
      ['bar solid ok', 'bar hatched over'],
    );
    const [half, full] = bars.map((bar) => Number(bar.attr.width));
    assert.ok(half !== undefined && full !== undefined);
    assert.ok(Math.abs(full - 2 * half) < 0.2, `${half} ${full}`);
    assert.equal(bars[0]?.attr.fill, '#1a7f37');
    assert.equal(bars[1]?.attr.fill, 'none');
    // The hatched bar: diagonal lines inside the bar.
    const hatch = all.find((element) => element.name === 'path' && element.attr.class === 'hatch over');
    assert.ok(hatch);
    const x = Number(bars[1]?.attr.x);
    const y = Number(bars[1]?.attr.y);
    const height = Number(bars[1]?.attr.height);
    const points = [...(hatch.attr.d ?? '').matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((match) => [Number(match[1]), Number(match[2])] as const);
    assert.ok(points.length > 20);
    for (const [px, py] of points) {
      assert.ok(px >= x - 0.05 && px <= x + full + 0.05 && py >= y - 0.05 && py <= y + height + 0.05, `${px} ${py}`);
    }
    const limit = all.find((element) => element.attr.class === 'limit');
    assert.ok(limit);
    assert.ok(Math.abs(Number(limit.attr.x1) - (x + 0.75 * full)) < 0.2);
    assert.equal(limit.attr['stroke-dasharray'], '4 2');
    // Every value is written: a grey print reads it.
    const values = all.filter((element) => element.attr.class === 'bar-value').map((element) => element.val);
    assert.deepEqual(values, ['a & b "c" \'d\'', '100 %', 'unbekannt']);
    // Each value on the page's colour, from just right of its bar: a grid line does not strike through it.
    const grounds = all.filter((element) => element.attr.class === 'ground');
    assert.equal(grounds.length, 3);
    assert.equal(grounds[0]?.attr.fill, '#ffffff');
    assert.ok(Math.abs(Number(grounds[1]?.attr.x) - (x + full + 2)) < 0.2, 'not over its bar');
    assert.ok(all.indexOf(grounds[0] as (typeof all)[number]) < all.findIndex((element) => element.attr.class === 'bar-value'), 'under the value');
  });

  it('cuts a long label with an ellipsis, the whole text being beside the chart', () => {
    const long = chartSvg(chart([{ label: 'x'.repeat(200), value: 10, text: '10', look: 'solid', tone: 'neutral' }]));
    const label = elements(new XmlDocument(long)).find((element) => element.attr.class === 'bar-label');
    assert.ok(label && label.val.endsWith('…') && label.val.length < 40, label?.val);
  });
});

describe('axes', () => {
  it('counts minutes in steps that read well, in one unit', () => {
    assert.deepEqual(minutesAxis(480).ticks.map((tick) => tick.label), ['0', '2 Std.', '4 Std.', '6 Std.', '8 Std.', '10 Std.']);
    assert.deepEqual(minutesAxis(36 * 60).ticks.map((tick) => tick.label), ['0', '8 Std.', '16 Std.', '24 Std.', '32 Std.', '40 Std.']);
    assert.deepEqual(minutesAxis(3 * 1440).ticks.map((tick) => tick.label), ['0', '1 Tag', '2 Tage', '3 Tage', '4 Tage']);
    assert.deepEqual(minutesAxis(40).ticks.map((tick) => tick.label), ['0', '10 Min.', '20 Min.', '30 Min.', '40 Min.', '50 Min.']);
  });
  it('starts availability at a round value below the lowest, up to 100 %', () => {
    const axis = percentAxis(99.62);
    assert.equal(axis.to, 100);
    assert.ok(axis.from < 99.62 && axis.from >= 99);
    assert.equal(axis.ticks[axis.ticks.length - 1]?.label, '100 %');
    assert.ok(axis.ticks.length <= 6);
    assert.equal(percentAxis(100).to, 100);
    assert.ok(percentAxis(100).from < 100);
    assert.equal(percentAxis(0).from, 0);
  });
});

/** A plan with a target, results (one below it) and two scenarios (one whose drill outlasted the RTO). */
const PLAN = `${HEAD}availability:
  target: 99.9
  measurements:
    - { id: http, what: HTTP-Check }
    - { id: zeo, what: ZEO-Server }
  results:
    - { period: 2026-10, measured: 99.95, downtime: 22 min, outages: 1, source: http }
    - { period: 2026-11, measured: 99.62, downtime: 164 min, outages: 3, source: http, excluded: 2h }
    - { period: 2026-11, measured: 99.5, source: zeo }
    - { period: 2026-Q3, measured: 99.99, source: http }
scenarios:
  - id: vm
    category: hardware
    type: vm-server
    prevention: [Zweiter Host]
    recovery: [VMs umziehen]
    recovery_time: 3h
    rto: 4h
    rpo: 0
    exercises:
      - date: 2026-09-01
        kind: full-recovery
        started: 2026-09-01T22:00:00+02:00
        recovery_time: 5h
        result: failed
        steps:
          - { step: VMs umziehen, duration: 4h }
          - { step: Prüfen, skipped: true, note: Zeit abgelaufen }
`;

describe('the charts of a plan', () => {
  const model = analyze(PLAN, { today: new Date('2026-12-05') }).model;

  it('a scenario: recovery time, the latest RTA (over the RTO: marked) and the RTO', () => {
    const scenario = model.scenarios[0];
    assert.ok(scenario);
    const drawn = recoveryChart('d', scenario);
    assert.ok(drawn);
    assert.deepEqual(
      drawn.bars.rows.map((row) => [row.label, row.value, row.text, row.look, row.tone]),
      [
        ['Wiederherstellungszeit', 180, '3 Stunden', 'solid', 'neutral'],
        ['RTA vom 01.09.2026', 300, '5 Stunden, über der RTO', 'hatched', 'over'],
        ['RTO', 240, '4 Stunden', 'outline', 'neutral'],
      ],
    );
    assert.deepEqual(drawn.alternative, [
      { kind: 'paragraph', style: 'small', content: [{ kind: 'text', text: 'Wiederherstellungszeit: 3 Stunden; RTA vom 01.09.2026: 5 Stunden, über der RTO; RTO: 4 Stunden.' }] },
    ]);
  });

  it('the availability per period against the target, the excluded maintenance left out; a missed period hatched', () => {
    const table = { kind: 'paragraph', content: [] } as const;
    const drawn = availabilityChart('d', model, model.availability?.results.filter((result) => result.days) ?? [], table, (result) => result.source?.value);
    assert.ok(drawn);
    assert.deepEqual(
      drawn.bars.rows.map((row) => [row.label, row.text, row.look, row.tone]),
      [
        ['Oktober 2026 · http', '99,95 %, erreicht', 'solid', 'ok'],
        ['November 2026 · http', '99,897 %, verfehlt', 'hatched', 'over'],
        ['November 2026 · zeo', '99,5 %, verfehlt', 'hatched', 'over'],
        ['3. Quartal 2026 · http', '99,99 %, erreicht', 'solid', 'ok'],
      ],
    );
    assert.deepEqual(drawn.bars.limit, { value: 99.9, label: 'Ziel 99,9 %' });
    assert.match(drawn.title, /^Gemessene Verfügbarkeit je Zeitraum gegen das Ziel von 99,9 % \(Achse ab 99,\d+ %\)$/);
    assert.deepEqual(drawn.alternative, [table]);
  });

  it('the downtime of each year and source against the yearly budget', () => {
    const drawn = budgetChart('d', model, (id) => id);
    assert.ok(drawn);
    // http: Q3 (0.01 % of 92 days, 13.25 minutes), October 22, November 164 − 120 excluded; zeo: 0.5 % of November, 216.
    assert.deepEqual(
      drawn.bars.rows.map((row) => [row.label, Math.round((row.value as number) * 100) / 100, row.text]),
      [
        ['2026 · http', 79.25, '1,32 Stunden = 15,1 %'],
        ['2026 · zeo', 216, '3,6 Stunden = 41,1 %'],
      ],
    );
    assert.equal(drawn.bars.limit?.label, 'zulässig 8,76 Stunden');
  });
});

describe('the charts in the document', () => {
  const doc = documentOf(PLAN);

  it('Verfügbarkeitsmessungen: the results per period against the target, the budget, in order', () => {
    const chapter = section(doc, 'kapitel-verfuegbarkeitsmessungen');
    const charts = flatten(chapter.children).filter((block): block is Chart => block.kind === 'chart');
    assert.deepEqual(
      charts.map((drawn) => drawn.title.replace(/\(Achse ab [^)]*\)/, '(Achse)')),
      ['Gemessene Verfügbarkeit je Zeitraum gegen das Ziel von 99,9 % (Achse)', 'Verbrauchte Ausfallzeit je Jahr gegen die zulässige Ausfallzeit von 8,76 Stunden (99,9 %)'],
    );
    const [results] = tables(chapter.children).filter((table) => table.columns[0]?.title === 'Zeitraum');
    assert.deepEqual(rowsText(results), [
      ['3. Quartal 2026', '99,99 %', '99,9 %', '—', '—', 'HTTP-Check', '✓erreicht'],
      ['Oktober 2026', '99,95 %', '99,9 %', '22 Minuten', '1', 'HTTP-Check', '✓erreicht'],
      ['November 2026', '99,62 %\nohne Wartung (2 Stunden): 99,897 %', '99,9 %', '164 Minuten', '3', 'HTTP-Check', '✗verfehlt'],
      ['November 2026', '99,5 %', '99,9 %', '—', '—', 'ZEO-Server', '✗verfehlt'],
    ]);
  });

  it('a scenario: its chart after its times, and the drill’s steps under its exercises, a skipped one with its note', () => {
    const chapter = section(doc, 'kapitel-dr-plan');
    const blocks = flatten(chapter.children);
    assert.ok(blocks.some((block) => block.kind === 'chart' && block.title === 'Wiederherstellungszeit, RTA und RTO'));
    const label = blocks.findIndex((block) => block.kind === 'paragraph' && block.style === 'label' && block.content[0]?.kind === 'text' && block.content[0].text.startsWith('Durchgeführte Schritte'));
    assert.ok(label >= 0);
    const [heading, steps] = [blocks[label], blocks[label + 1]];
    assert.deepEqual(heading?.kind === 'paragraph' && heading.content, [{ kind: 'text', text: 'Durchgeführte Schritte der Vollübung vom 01.09.2026 (Beginn 22:00 Uhr)' }]);
    assert.ok(steps?.kind === 'list' && steps.ordered);
    assert.deepEqual(
      steps.items.map((item) => item.content.map((inline) => (inline.kind === 'text' ? inline.text : inline.kind === 'emphasis' ? `_${inline.children.map((c) => (c.kind === 'text' ? c.text : '')).join('')}_` : '')).join('')),
      ['VMs umziehen — 4 Stunden', 'Prüfen_ (übersprungen: Zeit abgelaufen)_'],
    );
  });

  it('is inline SVG in the HTML, with its text beside it, and an SVG node the PDF draws in Roboto', async () => {
    const html = toHtml(doc);
    assert.equal((html.match(/<figure class="chart"/g) ?? []).length, 3);
    assert.match(html, /<figure class="chart" id="diagramm-verfuegbarkeit"[^>]*>\n<figcaption>Gemessene Verfügbarkeit[^<]*<\/figcaption>\n<svg class="chart-svg"/);
    const folder = mkdtempSync(join(tmpdir(), 'drplan-charts-'));
    after(() => rmSync(folder, { recursive: true, force: true }));
    const pdf = join(folder, 'charts.pdf');
    writeFileSync(pdf, await toPdf(doc));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // The drawing's own text (labels, values, the limit) and its caption are in the PDF.
    for (const shown of ['Ziel 99,9 %', '99,897 %, verfehlt', 'RTA vom 01.09.2026', '5 Stunden, über der RTO', 'zulässig 8,76 Stunden', 'Wiederherstellungszeit, RTA und RTO']) {
      assert.ok(text.includes(shown), shown);
    }
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.length > 0 && fonts.every((line) => /Roboto/.test(line) && /\byes\s+yes\b/.test(line)), fonts.join('\n'));
  });
});
