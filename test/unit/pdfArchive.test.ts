import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generatePlan } from '../../bench/generatePlan';
import { analyze } from '../../server/src/core';
import { buildDocument, toPdf } from '../../server/src/core/render';
import { xmpOf } from '../../server/src/core/render/pdfArchive';
import { SRGB_PROFILE } from '../../server/src/core/render/srgbProfile';
import { headingsOf } from '../../server/src/core/render/tree';
import { EXAMPLES, ROOT, TODAY, read } from '../support/fixtures';

/**
 * The PDF is an archivable PDF/A-2b in German, tagged for screen readers (issue 15, item 5),
 * read back with poppler (pdfinfo, pdffonts) and mupdf (mutool).
 */
const folder = mkdtempSync(join(tmpdir(), 'drplan-pdfa-'));
after(() => rmSync(folder, { recursive: true, force: true }));
const tool = (name: string, ...args: string[]) => execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('PDF/A-2b and tagging', () => {
  const pdf = join(folder, 'example.pdf');
  const doc = buildDocument(analyze(read(join(EXAMPLES, 'plone-intranet.drplan.yaml')), { today: TODAY }), { today: TODAY, locale: 'de' });
  let raw = '';
  before(async () => {
    writeFileSync(pdf, await toPdf(doc));
    raw = readFileSync(pdf).toString('latin1');
  });

  it('pdfinfo: PDF/A-2b, tagged, PDF 1.7', () => {
    const info = tool('pdfinfo', pdf);
    assert.match(info, /^PDF subtype: +PDF\/A-2b$/m);
    assert.match(info, /^ +Conformance: +Level B, Basic$/m);
    assert.match(info, /^Tagged: +yes$/m);
    assert.match(info, /^PDF version: +1\.7$/m);
  });

  it('every font embedded', () => {
    const rows = tool('pdffonts', pdf).trim().split('\n').slice(2);
    assert.ok(rows.length >= 2);
    for (const row of rows) assert.match(row, / yes +yes +yes +\d+ +\d+$/, row);
  });

  it('the catalog: language de-DE, an sRGB output intent, MarkInfo, the structure tree, the title shown', () => {
    const catalog = tool('mutool', 'show', pdf, 'trailer/Root');
    assert.match(catalog, /\/Lang \(de-DE\)/);
    assert.match(catalog, /\/MarkInfo \d+ 0 R/);
    assert.match(catalog, /\/StructTreeRoot \d+ 0 R/);
    assert.match(tool('mutool', 'show', pdf, 'trailer/Root/MarkInfo'), /\/Marked true/);
    assert.match(tool('mutool', 'show', pdf, 'trailer/Root/ViewerPreferences'), /\/DisplayDocTitle true/);
    const intent = tool('mutool', 'show', pdf, 'trailer/Root/OutputIntents/1');
    assert.match(intent, /\/S \/GTS_PDFA1/);
    assert.match(intent, /\/OutputConditionIdentifier \(sRGB IEC61966-2\.1\)/);
    const profile = execFileSync('mutool', ['show', '-b', pdf, 'trailer/Root/OutputIntents/1/DestOutputProfile']);
    assert.deepEqual(profile, Buffer.from(SRGB_PROFILE, 'base64'));
  });

  it('XMP metadata: PDF/A part 2 level B, title, author, subject, language, as in the Info dictionary', () => {
    const xmp = tool('mutool', 'show', '-b', pdf, 'trailer/Root/Metadata');
    assert.match(xmp, /<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    assert.match(xmp, /<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Notfallplan Plone-Intranet<\/rdf:li><\/rdf:Alt><\/dc:title>/);
    assert.match(xmp, /<dc:creator><rdf:Seq><rdf:li>Erika Mustermann<\/rdf:li><\/rdf:Seq><\/dc:creator>/);
    assert.match(xmp, /<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Notfallplan \(Disaster-Recovery-Plan\): Plone 6/);
    assert.match(xmp, /<dc:language><rdf:Bag><rdf:li>de-DE<\/rdf:li><\/rdf:Bag><\/dc:language>/);
    assert.match(xmp, /<xmp:CreatorTool>drplan<\/xmp:CreatorTool>/);
    assert.match(xmp, /<pdf:Producer>drplan \(pdfmake\)<\/pdf:Producer>/);
  });

  it('escapes the metadata: a title with & < > " is well-formed XMP', () => {
    const xmp = xmpOf({ Title: 'A & B <script> "x"', Author: '', CreationDate: new Date('2026-11-29T10:00:00Z') }, 'de-DE');
    assert.match(xmp, /<rdf:li xml:lang="x-default">A &amp; B &lt;script&gt; &quot;x&quot;<\/rdf:li>/);
    assert.match(xmp, /<xmp:CreateDate>2026-11-29T10:00:00Z<\/xmp:CreateDate>/);
    assert.ok(!xmp.includes('dc:creator'), 'no empty author');
  });

  it('the output intent is the sRGB profile pdfkit ships', () => {
    const shipped = readFileSync(join(ROOT, 'node_modules', 'pdfkit', 'js', 'data', 'sRGB_IEC61966_2_1.icc'));
    assert.deepEqual(Buffer.from(SRGB_PROFILE, 'base64'), shipped);
  });

  it('the structure tree: the headings as H1–H3, paragraphs, tables with header cells, lists; header and footer artifacts', () => {
    const count = (type: string) => raw.match(new RegExp(`/S /${type}\\b`, 'g'))?.length ?? 0;
    const headings = headingsOf(doc.blocks);
    for (const level of [1, 2, 3] as const) {
      // H1 also holds the cover's title and the contents' title.
      assert.ok(count(`H${level}`) >= headings.filter((heading) => heading.level === level).length, `H${level}: ${count(`H${level}`)}`);
    }
    assert.equal(count('Document'), 1);
    for (const type of ['P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI']) assert.ok(count(type) > 0, type);
    assert.ok(raw.includes('/StructParents'), 'pages point into the parent tree');
    const pages = Number(/^Pages: +(\d+)$/m.exec(tool('pdfinfo', pdf))?.[1]);
    assert.ok(pages > 10);
  });
});

describe('a long document', () => {
  it('is PDF/A, tagged up to a number of pages (the structure tree costs memory until the end), beyond it not', async () => {
    const doc = buildDocument(analyze(generatePlan(40), { today: TODAY }), { today: TODAY, locale: 'de' });
    const info = async (taggedPages: number) => {
      const file = join(folder, `long-${taggedPages}.pdf`);
      writeFileSync(file, await toPdf(doc, { keptPages: 0, taggedPages }));
      return tool('pdfinfo', file);
    };
    const tagged = await info(1000);
    assert.match(tagged, /^Tagged: +yes$/m);
    const untagged = await info(10);
    assert.match(untagged, /^Tagged: +no$/m);
    assert.match(untagged, /^PDF subtype: +PDF\/A-2b$/m);
    assert.equal(/^Pages: +(\d+)$/m.exec(untagged)?.[1], /^Pages: +(\d+)$/m.exec(tagged)?.[1]);
  });
});
