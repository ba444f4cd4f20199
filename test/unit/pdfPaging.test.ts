import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { generatePlan } from '../../bench/generatePlan';
import { analyze } from '../../server/src/core';
import { buildDocument, toPdf } from '../../server/src/core/render';
import type { PdfOptions } from '../../server/src/core/render/pdf';
import { TODAY } from '../support/fixtures';

/**
 * The PDF laid out a window of pages at a time (render/pdfPaging.ts) is the document laid out
 * at once: the same text on every page, the contents pointing at the right pages, nothing lost
 * or repeated where a window ends. Read back with poppler's pdftotext.
 */
const folder = mkdtempSync(join(tmpdir(), 'drplan-paging-'));
after(() => rmSync(folder, { recursive: true, force: true }));

async function pagesOf(text: string, options: PdfOptions): Promise<string[]> {
  const document = buildDocument(analyze(text, { today: TODAY }), { today: TODAY, locale: 'de' });
  const file = join(folder, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, await toPdf(document, options));
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

describe('PDF paging', () => {
  const plan = generatePlan(40);

  it('lays a document out in small windows exactly as at once', async () => {
    const whole = await pagesOf(plan, { windowLines: Infinity });
    const progress: number[] = [];
    // Kept after the first pass and rendered from it, and laid out a second time.
    const windowed = await pagesOf(plan, { windowLines: 120, progress: (done) => progress.push(done), keptPages: 0 });
    const kept = await pagesOf(plan, { windowLines: 120 });
    assert.ok(whole.length > 20, `a document of many windows (${whole.length} pages)`);
    assert.equal(windowed.length, whole.length);
    windowed.forEach((page, index) => assert.equal(page, whole[index], `page ${index + 1}`));
    assert.deepEqual(kept, whole);
    assert.ok(progress.length > 10, 'progress after each window');
    assert.deepEqual([...progress].sort((a, b) => a - b), progress, 'progress only grows');
    assert.equal(progress[progress.length - 1], 1);
  });

  it('numbers the pages and points the contents at them', async () => {
    const pages = await pagesOf(plan, { windowLines: 120, keptPages: 0 });
    pages.slice(1).forEach((page, index) => assert.match(page, new RegExp(`Seite ${index + 2} von ${pages.length}\\s*$`)));
    const contents = pages.slice(1, 4).join('\n');
    let checked = 0;
    for (const match of contents.matchAll(/^ *(\d+(?:\.\d+)*) (.+?) {2,}(\d+)$/gm)) {
      const [, number, title, page] = match as unknown as [string, string, string, string];
      const heading = `${number} ${title.trim()}`;
      assert.ok(pages[Number(page) - 1]?.replace(/\s+/g, ' ').includes(heading), `"${heading}" on page ${page}`);
      checked++;
    }
    assert.ok(checked > 40, `${checked} entries of the contents checked`);
  });

  it('keeps a block longer than a window whole', async () => {
    const long = Array.from({ length: 900 }, (_, index) => `Satz ${index} der langen Beschreibung.`).join(' ');
    const text = plan.replace('description: Szenario Nummer 0 des generierten Plans, mit allen Feldern, die ein echter Plan hat.', `description: ${long}`);
    assert.notEqual(text, plan);
    const pages = await pagesOf(text, { windowLines: 60 });
    const all = pages.join('\n').replace(/\s+/g, ' ');
    for (const index of [0, 1, 450, 899]) assert.ok(all.includes(`Satz ${index} der langen Beschreibung.`), `sentence ${index}`);
    for (let scenario = 0; scenario < 40; scenario++) {
      assert.equal(all.split(`Szenario Nummer ${scenario} des`).length - 1, scenario === 0 ? 0 : 1, `description of scenario ${scenario} once`);
    }
  });
});
