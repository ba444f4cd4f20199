import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { buildDocument } from '../../server/src/core/render';
import { headingsOf } from '../../server/src/core/render/tree';
import { defaultOutput } from '../../server/src/cli/render';
import { nodeOutputFiles } from '../../server/src/io/nodeOutputFiles';
import { writeAtomically as writeAtomicallyTo } from '../../server/src/io/outputFile';
import { generatePlan } from '../../bench/generatePlan';
import { EXAMPLES, FIXTURES, ROOT, TODAY, TODAY_ISO, read } from '../support/fixtures';

const CLI = join(ROOT, 'dist', 'cli.js');
/** The atomic step of drplan render's writer, on the disk. */
const writeAtomically = (target: string, content: Uint8Array, force: boolean) => writeAtomicallyTo(nodeOutputFiles, target, content, force);
const EXAMPLE = join(EXAMPLES, 'plone-intranet.drplan.yaml');
const RTO = join(FIXTURES, 'codes', 'rto-exceeded.drplan.yaml');

function drplan(...args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { env: { ...process.env, LANG: 'C', LC_ALL: '' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

const isPdf = (data: Buffer) => data.subarray(0, 5).toString('latin1') === '%PDF-';

describe('drplan render', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-render-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const plan = join(scratch, 'plone-intranet.drplan.yaml');
  before(() => copyFileSync(EXAMPLE, plan));

  it('writes <plan>.pdf beside the plan and exits 0', () => {
    const { code, stderr } = drplan('render', '--today', TODAY_ISO, plan);
    assert.equal(code, 0, stderr);
    const pdf = join(scratch, 'plone-intranet.pdf');
    assert.ok(isPdf(readFileSync(pdf)));
    assert.equal(stderr, `drplan: wrote ${pdf}\n`);
    assert.deepEqual(readdirSync(scratch).sort(), ['plone-intranet.drplan.yaml', 'plone-intranet.pdf'], 'no temporary file left');
  });

  it('never overwrites without --force (exit 2, earlier file intact), does with --force', () => {
    const target = join(scratch, 'plone-intranet.pdf');
    writeFileSync(target, 'earlier');
    const refused = drplan('render', plan);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, `drplan: ${target} already exists; use --force to overwrite it\n`);
    assert.equal(readFileSync(target, 'utf8'), 'earlier');
    const forced = drplan('render', '--force', '--today', TODAY_ISO, plan);
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(isPdf(readFileSync(target)));
    assert.equal(readdirSync(scratch).filter((name) => name.endsWith('.tmp')).length, 0);
  });

  it('writes HTML with --format html to the file -o names', () => {
    const out = join(scratch, 'bericht.html');
    const { code } = drplan('render', '--format', 'html', '-o', out, '--today', TODAY_ISO, plan);
    assert.equal(code, 0);
    const html = readFileSync(out, 'utf8');
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="de">'));
    assert.match(html, /<title>Notfallplan Plone-Intranet<\/title>/);
    assert.match(html, /Erstellt am 29\.11\.2026/);
    assert.equal(readdirSync(scratch).includes('plone-intranet.html'), false);
  });

  it('writes to standard output with -o -', () => {
    const html = drplan('render', '--format=html', '-o', '-', plan);
    assert.equal(html.code, 0);
    assert.match(html.stdout.toString('utf8'), /<h2 id="dr-plan" data-line="\d+"><span class="number">9<\/span> Disaster-Recovery-Plan<\/h2>/);
    assert.equal(html.stderr, '');
    const pdf = drplan('render', '-o', '-', plan);
    assert.equal(pdf.code, 0);
    assert.ok(isPdf(pdf.stdout));
  });

  it('exits 1 for a plan with errors and still writes the document, marked ENTWURF', () => {
    const broken = join(scratch, 'kaputt.drplan.yaml');
    copyFileSync(RTO, broken);
    const { code, stderr } = drplan('render', '--format', 'html', broken);
    assert.equal(code, 1);
    assert.match(stderr, /kaputt\.drplan\.yaml has 1 error; the document is marked ENTWURF/);
    const html = readFileSync(join(scratch, 'kaputt.html'), 'utf8');
    assert.match(html, /<div class="watermark" aria-hidden="true">ENTWURF<\/div>/);
    assert.match(html, /Die Wiederherstellung dauert 10 Stunden und überschreitet damit die RTO/);
  });

  it('exits 2 for usage and I/O problems and writes nothing', () => {
    const before = readdirSync(scratch).sort();
    const cases: [string[], RegExp][] = [
      [['render'], /^drplan: no plan given: drplan render FILE --format pdf\|html\nTry 'drplan --help'\.\n$/],
      [['render', '--format', 'docx', plan], /^drplan: unknown format 'docx' \(use pdf or html\)\n/],
      [['render', plan, plan], /^drplan: render takes one plan, not 2\n/],
      [['render', '--today', '29.11.2026', plan], /^drplan: --today wants YYYY-MM-DD, not '29\.11\.2026'\n/],
      [['render', '--bogus', plan], /^drplan: unknown option '--bogus'\n/],
      [['render', '-o'], /^drplan: -o needs a value\n/],
      [['render', join(scratch, 'fehlt.drplan.yaml')], /fehlt\.drplan\.yaml: no such file or folder\n$/],
      [['render', '-o', scratch, plan], /is a folder; -o wants the name of the file to write\n$/],
      [['render', '-o', join(scratch, 'no', 'such', 'folder.pdf'), plan], /^drplan: cannot write .*folder\.pdf: The folder .*\/no\/such does not exist\.\n$/],
      [['render', '--lang', 'fr', plan], /^drplan: unknown language 'fr' \(use de or en\)\n/],
      [['render', '--max-file-size', 'viel', plan], /^drplan: --max-file-size wants megabytes \(0 for no limit\), not 'viel'\n/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = drplan(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message, args.join(' '));
    }
    assert.deepEqual(readdirSync(scratch).sort(), before);
  });

  it('describes render in --help', () => {
    for (const args of [['--help'], ['render', '--help']]) {
      const { code, stdout } = drplan(...args);
      assert.equal(code, 0);
      const help = stdout.toString('utf8');
      assert.match(help, /drplan render \[options\] FILE/);
      assert.match(help, /--format pdf\|html/);
      assert.match(help, /--force/);
      assert.match(help, /--max-file-size MB +plans larger than this are not rendered/);
    }
  });

  it('names the output after the plan', () => {
    assert.equal(defaultOutput('examples/plone-intranet.drplan.yaml', 'pdf'), join('examples', 'plone-intranet.pdf'));
    assert.equal(defaultOutput('a/b.drplan.yml', 'html'), join('a', 'b.html'));
    assert.equal(defaultOutput('plan.yaml', 'pdf'), 'plan.pdf');
    assert.equal(defaultOutput('.drplan.yaml', 'pdf'), 'drplan.pdf');
  });
});

describe('writeAtomically', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-atomic-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('refuses to replace an existing file without force, leaving it and no temporary file', async () => {
    const target = join(scratch, 'a.pdf');
    writeFileSync(target, 'earlier');
    await assert.rejects(writeAtomically(target, Buffer.from('new'), false), { code: 'EEXIST' });
    assert.equal(readFileSync(target, 'utf8'), 'earlier');
    assert.deepEqual(readdirSync(scratch), ['a.pdf']);
  });

  it('leaves the earlier file intact when the final step fails', async () => {
    // A non-empty folder in the way: rename fails after the temporary file was written.
    const target = join(scratch, 'b.pdf');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    await assert.rejects(writeAtomically(target, Buffer.from('new'), true));
    assert.equal(readFileSync(join(target, 'inside'), 'utf8'), 'x');
    assert.deepEqual(readdirSync(scratch).sort(), ['a.pdf', 'b.pdf']);
  });

  it('replaces with force and writes new files whole', async () => {
    const target = join(scratch, 'a.pdf');
    await writeAtomically(target, Buffer.from('new'), true);
    assert.equal(readFileSync(target, 'utf8'), 'new');
    await writeAtomically(join(scratch, 'c.pdf'), Buffer.from('c'), false);
    assert.equal(readFileSync(join(scratch, 'c.pdf'), 'utf8'), 'c');
    assert.deepEqual(readdirSync(scratch).sort(), ['a.pdf', 'b.pdf', 'c.pdf']);
  });
});

/** A tool of poppler-utils or mupdf-tools (installed by .ci/run), as text. */
function tool(command: string, ...args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the PDF through real tools (poppler, mupdf)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-pdf-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const example = join(scratch, 'example.pdf');
  const broken = join(scratch, 'broken.pdf');
  const large = join(scratch, 'large.pdf');
  const hostile = join(scratch, 'hostile.pdf');
  const long = join(scratch, 'long.pdf');
  const doc = buildDocument(analyze(read(EXAMPLE), { today: TODAY }), { today: TODAY });
  let pages: string[] = [];

  before(() => {
    const largePlan = join(scratch, 'large.drplan.yaml');
    writeFileSync(largePlan, generatePlan(60));
    const hostilePlan = join(scratch, 'hostile.drplan.yaml');
    writeFileSync(hostilePlan, read(EXAMPLE).replace('title: Notfallplan Plone-Intranet', 'title: "Notfallplan \\u202Efdp.exe\\u202C <script>"'));
    // Texts longer than a page, where no block may be kept whole: nothing may get lost.
    const longPlan = join(scratch, 'long.drplan.yaml');
    const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ');
    writeFileSync(
      longPlan,
      read(EXAMPLE)
        .replace('    category: hardware\n    type: storage-server\n', `    category: hardware\n    type: storage-server\n    description: "${words(900, 'b')} ENDE_BESCHREIBUNG"\n`)
        .replace('      - RAID-Storage mit Hot-Spare\n', `${Array.from({ length: 70 }, (_, i) => `      - Vorsorge ${i}\n`).join('')}      - "${words(600, 'p')} ENDE_PRAEVENTION"\n`)
        .replace('    changes: Neufassung nach Umzug ins RZ Berlin', `    changes: "${words(800, 'h')} ENDE_HISTORIE"`),
    );
    for (const [plan, out, expected] of [
      [longPlan, long, 0],
      [EXAMPLE, example, 0],
      [RTO, broken, 1],
      [largePlan, large, 0],
      [hostilePlan, hostile, 0],
    ] as const) {
      const { code, stderr } = drplan('render', '--today', TODAY_ISO, '-o', out, plan);
      assert.equal(code, expected, stderr);
    }
    // pdftotext separates pages with form feeds.
    pages = tool('pdftotext', example, '-').split('\f');
  });

  it('pdfinfo: title, author, subject, creator, A4 pages', () => {
    const info = tool('pdfinfo', example);
    assert.match(info, /^Title: +Notfallplan Plone-Intranet$/m);
    assert.match(info, /^Author: +Erika Mustermann$/m);
    assert.match(info, /^Subject: +Notfallplan \(Disaster-Recovery-Plan\): Plone 6 Intranet auf einem ZEO-Cluster, Beispiel GmbH$/m);
    assert.match(info, /^Keywords: +Notfallplan, Disaster-Recovery-Plan, Verfügbarkeitskontrolle, Art\. 32 DSGVO, BSI-Standard 200-4$/m);
    assert.match(info, /^Creator: +drplan$/m);
    assert.match(info, /^Page size: +595\.28 x 841\.89 pts \(A4\)$/m);
    const count = Number(/^Pages: +(\d+)$/m.exec(info)?.[1]);
    assert.ok(count >= 10, `${count} pages`);
    // Every page A4, not only the first.
    const sizes = tool('pdfinfo', '-f', '1', '-l', String(count), example).match(/^Page +\d+ size: +(.*)$/gm) ?? [];
    assert.equal(sizes.length, count);
    for (const size of sizes) assert.match(size, /595\.28 x 841\.89 pts \(A4\)/);
  });

  it('declares the document language de-DE', () => {
    assert.match(readFileSync(example).toString('latin1'), /\/Lang \(de-DE\)/);
  });

  it('pdffonts: only embedded (subset) Roboto fonts', () => {
    const rows = tool('pdffonts', example).trim().split('\n').slice(2);
    assert.ok(rows.length >= 2);
    for (const row of rows) {
      assert.match(row, /^[A-Z]{6}\+Roboto-(Regular|Medium|Italic|MediumItalic) +CID TrueType +Identity-H +yes +yes +yes /, row);
    }
  });

  it('pdftotext finds every heading, every scenario title and the umlauts intact', () => {
    const text = normalise(pages.join(' '));
    const headings = headingsOf(doc.blocks);
    assert.equal(headings.length, 38);
    for (const heading of headings) {
      assert.ok(text.includes(normalise(`${heading.number} ${heading.text}`)), `heading ${heading.number} ${heading.text}`);
    }
    for (const scenario of analyze(read(EXAMPLE)).model.scenarios) {
      const title = headings.find((h) => h.id === `szenario-${scenario.id?.value}`)?.text;
      assert.ok(title && text.includes(title), `scenario ${scenario.id?.value}`);
    }
    for (const words of ['Lenkung des Dokuments', 'Alarmierung und Eskalation', 'Notbetrieb', 'Meldepflichten', 'binnen 72 Stunden', 'Freigegeben am 25.01.2026 durch Dr. Hans Beispiel', 'Verfügbarkeitskontrolle', 'Änderungshistorie', 'Übersicht der Szenarien', 'Höhere Gewalt', 'Vorsorgemaßnahmen', 'Versehentliches Löschen', 'Zulässige Ausfallzeit pro Jahr 43,8 Stunden', '„unbekannt“']) {
      assert.ok(text.includes(words), words);
    }
    assert.equal(/\uFFFD|Verfugbar|Verfgbar|Anderungs|Ubersicht/.test(text), false, 'no lost or replaced umlaut');
  });

  it('has a table of contents whose page numbers point at the headings', () => {
    const contents = pages[1] ?? '';
    assert.match(contents, /Inhaltsverzeichnis/);
    const entriesOf = (last: number) =>
      [...tool('pdftotext', '-layout', '-f', '2', '-l', String(last), example, '-').matchAll(/^ *(\S.*?\S) {2,}(\d+)$/gm)].map((m) => ({
        label: normalise(m[1] ?? ''),
        page: Number(m[2]),
      }));
    // The example's contents fit on page 2 (tight rows); longer ones run on to the first chapter.
    assert.match(normalise(pages[2] ?? ''), /^\S*\s*Notfallplan Plone-Intranet[\s\S]*1 Lenkung des Dokuments/, 'the first chapter on page 3');
    const entries = entriesOf(Math.max(2, (entriesOf(2)[0]?.page ?? 3) - 1));
    const tocHeadings = headingsOf(doc.blocks).filter((h) => h.toc);
    assert.equal(entries.length, tocHeadings.length, entries.map((e) => e.label).join(' / '));
    for (const { label, page } of entries) {
      assert.ok(normalise(pages[page - 1] ?? '').includes(label), `"${label}" on page ${page}`);
    }
    // The entries are links: one link annotation for the text and one for the number of each.
    const links = readFileSync(example).toString('latin1').match(/\/Subtype \/Link/g)?.length ?? 0;
    assert.ok(links >= 2 * entries.length, `${links} links`);
  });

  it('has PDF bookmarks for every heading, nested by level', () => {
    const outline = tool('mutool', 'show', example, 'outline').trim().split('\n');
    const headings = headingsOf(doc.blocks).filter((h) => h.toc);
    assert.equal(outline.length, headings.length);
    headings.forEach((heading, index) => {
      const line = outline[index] ?? '';
      const label = heading.number ? `${heading.number}  ${heading.text}` : heading.text;
      assert.ok(line.includes(`"${label}"`), `${line} is ${label}`);
      assert.equal(/^[|+](\t+)"/.exec(line)?.[1]?.length, heading.level, line);
    });
  });

  it('has header and footer on every page but the cover: title, version, classification, Seite X von Y', () => {
    const count = pages.filter((page) => page.trim() !== '').length;
    assert.ok(!pages[0]?.includes('Seite 1 von'));
    for (let page = 2; page <= count; page++) {
      const text = pages[page - 1] ?? '';
      assert.ok(text.includes(`Seite ${page} von ${count}`), `page ${page}`);
      assert.ok(text.includes('Notfallplan Plone-Intranet'), `title on page ${page}`);
      assert.ok(text.includes('Version 2.1 · intern'), `version on page ${page}`);
      assert.ok(text.includes('Klassifizierung: intern'), `classification on page ${page}`);
    }
  });

  it('breaks long tables across pages and repeats their header row', () => {
    const largePages = tool('pdftotext', '-layout', large, '-').split('\f');
    const matrixPages = largePages.filter((page) => page.includes('letzte RTA'));
    assert.ok(matrixPages.length >= 2, `the overview matrix of 60 scenarios spans ${matrixPages.length} pages`);
    for (const page of matrixPages) assert.match(page, /Szenario +Wiederher/);
    const rows = largePages.join('\n').match(/\(\d+\) +\d+ Stunden/g) ?? [];
    assert.ok(rows.length >= 60, `${rows.length} matrix rows`);
  });

  it('loses nothing of texts longer than a page', () => {
    const text = tool('pdftotext', long, '-').replace(/\s+/g, ' ');
    for (const marker of ['ENDE_BESCHREIBUNG', 'Vorsorge 69', 'ENDE_PRAEVENTION', 'ENDE_HISTORIE', 'b899', 'p599', 'h799']) {
      assert.ok(text.includes(marker), marker);
    }
  });

  it('says each scenario\'s status in words with a legend, and Offene Punkte for a reader: part, field, message, line, no code (issue 14)', () => {
    const layout = tool('pdftotext', '-layout', broken, '-');
    // Durations as written (`rto: 240 min`); an RPO of 0 is "kein Datenverlust", over two lines.
    assert.match(layout, /^ *Ausfall des VM-Servers +10 Stunden +8 Stunden +kein +— +unbekannt +Befund$/m);
    assert.match(layout, /^ *Stromausfall +4 Stunden +240 Minuten +kein +— +unbekannt +ungeprüft$/m);
    const text = normalise(tool('pdftotext', '-raw', broken, '-'));
    for (const words of [
      'geprüft ohne Befund: Die Wiederherstellung wurde geübt',
      'ungeprüft: Die Wiederherstellung wurde noch nie geübt',
      'Übung nicht bestanden: Die letzte Übung der Wiederherstellung ist gescheitert',
      'Befund: Die Prüfung des Plans hat für das Szenario Fehler oder Warnungen gefunden',
      'Szenario „Ausfall des VM-Servers“',
      'Wiederherstellungszeit Fehler Die Wiederherstellung dauert 10 Stunden und überschreitet damit die RTO, die maximal zulässige Ausfallzeit (8 Stunden). Zeile 14',
    ]) {
      assert.ok(text.includes(words), words);
    }
    for (const code of ['rto-exceeded', 'untested', 'missing-scenario', 'Prüfungen ohne Befund']) assert.ok(!text.includes(code), code);
  });

  it('marks a plan with errors ENTWURF on every page', () => {
    const brokenPages = tool('pdftotext', '-raw', broken, '-').split('\f').filter((page) => page.trim() !== '');
    for (const page of brokenPages) assert.ok(page.replace(/\s+/g, '').includes('ENTWURF'), page.slice(0, 80));
    assert.ok(!tool('pdftotext', '-raw', example, '-').replace(/\s+/g, '').includes('ENTWURF'));
  });

  it('neutralises bidi characters in the metadata and the text', () => {
    const info = tool('pdfinfo', hostile);
    assert.match(info, /^Title: +Notfallplan \[U\+202E\]fdp\.exe\[U\+202C\] <script>$/m);
    const text = tool('pdftotext', hostile, '-');
    assert.ok(text.includes('[U+202E]fdp.exe[U+202C]'));
    assert.equal(/[\u202A-\u202E\u2066-\u2069]/.test(text + info), false);
    assert.ok(statSync(hostile).size > 10_000);
  });
});
