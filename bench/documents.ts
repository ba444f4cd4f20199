/**
 * The plan document in the benchmark: the preview after a keystroke (through the server), the
 * PDF export in-process, and the peer a Markdown-PDF-style extension would use: headless
 * Chromium printing the HTML export to PDF.
 */
import { analyze } from '../server/src/core';
import { buildDocument, toHtml, toPdf } from '../server/src/core/render';
import { chromium } from 'playwright-core';
import { drplan } from './servers';
import { median } from './stats';

export interface DocumentFigures {
  /** didChange → the preview HTML of that version, at 100 scenarios (ms, median). */
  previewUpdate: number;
  pdf: { name: string; pages: number; drplanMs: number; chromiumMs: number }[];
}

const TODAY = new Date('2026-11-29');

export async function measureDocuments(plans: { example: string; hundred: string; fiveHundred: string }): Promise<DocumentFigures> {
  // The preview after a keystroke: the server answers drplan/preview for the new version.
  const client = await drplan.start();
  const uri = 'file:///bench/preview.drplan.yaml';
  const text = plans.hundred;
  await client.open(uri, text);
  await client.diagnosticsOfVersion(uri, 1, 60_000);
  const offset = text.indexOf('recovery_time: 4h', Math.floor(text.length / 2)) + 'recovery_time: '.length;
  const before = text.slice(0, offset);
  const position = { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
  const times: number[] = [];
  for (let version = 2; version < 22; version++) {
    const start = performance.now();
    await client.change(uri, version, [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: version % 2 ? '4' : '5' }]);
    await client.connection.sendRequest('drplan/preview', { textDocument: { uri } });
    times.push(performance.now() - start);
  }
  await client.stop();

  // The PDF: drplan in-process against Chromium printing drplan's own HTML export.
  const browser = await chromium.launch({
    executablePath: process.env.DRPLAN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  const pdf: DocumentFigures['pdf'] = [];
  try {
    for (const [name, source, runs] of [['example', plans.example, 5], ['500 scenarios', plans.fiveHundred, 1]] as const) {
      const document = buildDocument(analyze(source, { today: TODAY }), { today: TODAY, locale: 'de' });
      const html = toHtml(document);
      const ours: number[] = [];
      const chromium: number[] = [];
      let pages = 0;
      for (let run = 0; run < runs; run++) {
        let start = performance.now();
        const bytes = await toPdf(document);
        ours.push(performance.now() - start);
        pages = (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        start = performance.now();
        await page.setContent(html, { waitUntil: 'load', timeout: 300_000 });
        await page.pdf({ format: 'A4', printBackground: true });
        chromium.push(performance.now() - start);
      }
      pdf.push({ name, pages, drplanMs: median(ours), chromiumMs: median(chromium) });
    }
  } finally {
    await browser.close();
  }
  return { previewUpdate: median(times), pdf };
}
