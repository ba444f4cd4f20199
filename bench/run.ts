/**
 * `npm run bench`: measures drplan on generated valid plans and writes docs/benchmarks.md.
 * Everything in one run, one process tree: the bare `yaml` parse (the floor), the core's whole
 * check in-process, and the real server over stdio as an editor drives it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { analyze } from '../server/src/core';
import { toPlainValue } from '../server/src/core/parse/toValue';
import { YamlDocument } from '../server/src/core/parse/yamlDocument';
import { PLAN_VALIDATOR_FILE, PLAN_VALIDATOR_OPTIONS } from '../scripts/lib/planValidator.mjs';
import { benchActivation } from '../scripts/lib/vscode-suite.mjs';
import { generatePlan } from './generatePlan';
import { drplan, processMemory, yamlLanguageServer, type ServerUnderTest } from './servers';
import { SERVER_NODE_OPTIONS } from '../server/src/nodeOptions';
import { tieringFlags } from '../server/src/tiering';
import { measureDocuments } from './documents';
import { measureHostileText, measurePdfScale } from './pdfScale';
import { webBundleSection, webBundleSizes } from './webBundles';
import { median, ms, percentile, ratio, timeSync } from './stats';
import { middleOfPlan, positionOf, RECOVERY_TIME } from './keystroke';
import { measureUserFelt, userFeltPlans, userFeltSummary } from './userFelt';
import { userFeltSection } from './userFeltReport';

const ROOT = join(__dirname, '..');
// DRPLAN_BENCH_SIZES=10,100 for a quick look while developing; the report uses all sizes.
const SIZES = (process.env.DRPLAN_BENCH_SIZES ?? '10,100,500,2000').split(',').map(Number);
const CHANGES = 20;
// The section "What a user feels" (bench/userFelt.ts): at 500 and 2,000 scenarios, or at
// DRPLAN_BENCH_SIZES. DRPLAN_BENCH_ONLY=user runs that section alone and prints it, leaving
// docs/benchmarks.md as it is.
const USER_FELT_SIZES = process.env.DRPLAN_BENCH_SIZES ? SIZES : [500, 2000];
const ONLY = process.env.DRPLAN_BENCH_ONLY;

interface Row {
  name: string;
  bytes: number;
  parse: number;
  check: number;
  ours: Summary;
  peer: Summary;
}

interface Summary {
  open: number;
  changeMedian: number;
  changeP90: number;
  completeValue: number;
  completeKey: number;
  hover: number;
  rss: number;
}

function summarise(figures: ServerFigures): Summary {
  return {
    open: median(figures.open),
    changeMedian: median(figures.change),
    changeP90: percentile(figures.change, 90),
    completeValue: median(figures.completeValue),
    completeKey: median(figures.completeKey),
    hover: median(figures.hover),
    rss: figures.rss,
  };
}

function runsFor(bytes: number): number {
  return bytes > 1_000_000 ? 7 : bytes > 200_000 ? 11 : 21;
}

const REQUESTS = 20;

/** The milliseconds of `count` requests, one after the other. */
async function timeRequests(count: number, request: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await request();
    times.push(performance.now() - start);
  }
  return times;
}

interface ServerFigures {
  open: number[];
  change: number[];
  completeValue: number[];
  completeKey: number[];
  hover: number[];
  /** Resident memory with the plan open, after the measurements (MB). */
  rss: number;
}

/** One fresh server process per plan: open, typing, completion, hover, memory. */
async function measureServer(server: ServerUnderTest, name: string, text: string, runs: number): Promise<ServerFigures> {
  const client = await server.start();
  try {
    const open: number[] = [];
    // The first runs warm the server's JIT up, as hours of editing would; the bare parse it is
    // compared with is measured warm too.
    const warmUp = Math.max(1, Math.ceil(runs / 2));
    for (let run = 0; run < warmUp + runs; run++) {
      const uri = `file:///bench/${name}-${run}.drplan.yaml`;
      const start = performance.now();
      const published = server.expectDiagnostics(client, uri, 1);
      await client.open(uri, text, server.languageId);
      await published;
      if (run >= warmUp) open.push(performance.now() - start);
      await client.close(uri);
    }

    // Typing in a scenario's recovery time in the middle of the plan: 4h → 5h → 4h …, one
    // keystroke per version.
    const uri = `file:///bench/${name}-typing.drplan.yaml`;
    const published = server.expectDiagnostics(client, uri, 1);
    await client.open(uri, text, server.languageId);
    await published;
    const middle = middleOfPlan(text);
    const at = positionOf(text, RECOVERY_TIME, middle);
    at.character += 'recovery_time: '.length;
    const change: number[] = [];
    for (let version = 2; version < 2 + CHANGES; version++) {
      const start = performance.now();
      const diagnostics = server.expectDiagnostics(client, uri, version);
      await client.change(uri, version, [
        { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: version % 2 === 0 ? '5' : '4' },
      ]);
      await diagnostics;
      change.push(performance.now() - start);
    }

    // Completion and hover in that scenario, on the current version.
    const textDocument = { uri };
    const category = positionOf(text, 'category: ', middle);
    category.character += 'category: '.length;
    const completeValue = await timeRequests(REQUESTS, () => client.connection.sendRequest('textDocument/completion', { textDocument, position: category }));
    const rto = positionOf(text, 'rto: ', middle);
    rto.character += 'rto: '.length;
    const hover = await timeRequests(REQUESTS, () => client.connection.sendRequest('textDocument/hover', { textDocument, position: rto }));
    // A new, empty line in the scenario (the user pressed Enter), then completion of its keys.
    const version = 2 + CHANGES;
    const lineEnd = { line: rto.line, character: rto.character + 2 };
    const typed = server.expectDiagnostics(client, uri, version);
    await client.change(uri, version, [{ range: { start: lineEnd, end: lineEnd }, text: '\n    ' }]);
    await typed;
    const emptyLine = { line: rto.line + 1, character: 4 };
    const completeKey = await timeRequests(REQUESTS, () => client.connection.sendRequest('textDocument/completion', { textDocument, position: emptyLine }));
    // Let the server settle before reading its memory: drplan collects garbage after 1 s idle.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rss = processMemory(client.process.pid).residentMb;
    return { open, change, completeValue, completeKey, hover, rss };
  } finally {
    await client.stop();
  }
}

interface ValidatorStart {
  /** compiling the schema, or loading the generated module */
  prepare: number;
  first: number;
  later: number;
}

/**
 * The schema validator made ready in a fresh process, as the server and the CLI start: ajv's
 * compiler at run time (as drplan did until it generated the validator at build time) against
 * loading the generated validator (PLAN_VALIDATOR_FILE, as bundled); each then validates the
 * 500-scenario plan once (cold) and again (warm). Medians of fresh processes.
 */
function measureSchemaCompilation(text: string): { compiled: ValidatorStart; generated: ValidatorStart } {
  const valueFile = join(mkdtempSync(join(tmpdir(), 'drplan-schema-')), 'plan.json');
  writeFileSync(valueFile, JSON.stringify(toPlainValue(new YamlDocument(text))));
  const prepare = {
    compile: `new (require('ajv').default)(${JSON.stringify(PLAN_VALIDATOR_OPTIONS)}).compile(require(${JSON.stringify(join(ROOT, 'schemas', 'drplan.schema.json'))}))`,
    load: `require(${JSON.stringify(PLAN_VALIDATOR_FILE)})`,
  };
  const probe = (how: string) => `const value = JSON.parse(require('fs').readFileSync(${JSON.stringify(valueFile)}, 'utf8'));
    const t0 = performance.now(); const validate = ${how}; const t1 = performance.now(); validate(value); const t2 = performance.now(); validate(value); const t3 = performance.now();
    console.log(JSON.stringify({ prepare: t1 - t0, first: t2 - t1, later: t3 - t2 }));`;
  const fresh = (how: string): ValidatorStart => {
    const runs = Array.from({ length: 15 }, () => JSON.parse(execFileSync('node', ['-e', probe(how)], { cwd: ROOT, encoding: 'utf8' })) as ValidatorStart);
    return { prepare: median(runs.map((run) => run.prepare)), first: median(runs.map((run) => run.first)), later: median(runs.map((run) => run.later)) };
  };
  const result = { compiled: fresh(prepare.compile), generated: fresh(prepare.load) };
  rmSync(dirname(valueFile), { recursive: true, force: true });
  return result;
}

/**
 * The extension as a user installs it: the files `vsce` puts in the .vsix (`vsce ls`), copied
 * into a folder of their own, with the bundles `npm run bench` built minified as `npm run
 * package` does.
 */
function packagedExtension(): string {
  const folder = mkdtempSync(join(tmpdir(), 'drplan-shipped-'));
  const vsce = join(ROOT, 'node_modules', '.bin', 'vsce');
  const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    cpSync(join(ROOT, file), join(folder, file));
  }
  return folder;
}

async function main(): Promise<void> {
  if (ONLY !== undefined && ONLY !== 'user') throw new Error(`DRPLAN_BENCH_ONLY=${ONLY}: the one section that runs alone is 'user' (what a user feels)`);
  const example = readFileSync(join(ROOT, 'examples', 'plone-intranet.drplan.yaml'), 'utf8');
  const userFelt = await measureUserFelt(userFeltPlans(USER_FELT_SIZES, example), (plan) => console.log(userFeltSummary(plan)));
  if (ONLY === 'user') {
    console.log(`\n${userFeltSection(userFelt)}\nDRPLAN_BENCH_ONLY=user: docs/benchmarks.md left as it is.`);
    return;
  }
  const plans: [string, string][] = [
    ['example', example],
    ...SIZES.map((size): [string, string] => [`${size} scenarios`, generatePlan(size)]),
  ];
  const rows: Row[] = [];
  for (const [name, text] of plans) {
    const runs = runsFor(text.length);
    const parse = median(timeSync(runs, () => parseDocument(text, { lineCounter: new LineCounter() })));
    const check = median(timeSync(runs, () => analyze(text).diagnostics('en')));
    const file = name.replace(/\s+/g, '-');
    const ours = summarise(await measureServer(drplan, file, text, runs));
    const peer = summarise(await measureServer(yamlLanguageServer, file, text, runs));
    rows.push({ name, bytes: text.length, parse, check, ours, peer });
    const line = (who: string, f: Summary) =>
      `  ${who}: open ${ms(f.open)}, change ${ms(f.changeMedian)} (p90 ${ms(f.changeP90)}), completion ${ms(f.completeValue)}/${ms(f.completeKey)}, hover ${ms(f.hover)} ms, ${f.rss.toFixed(0)} MB`;
    console.log(`${name}: parse ${ms(parse)} ms, check ${ms(check)} ms\n${line('drplan', ours)}\n${line('peer', peer)}`);
  }
  const schema = measureSchemaCompilation(generatePlan(500));
  const documents = await measureDocuments({ example: plans[0]![1], hundred: generatePlan(100), fiveHundred: generatePlan(500) });
  console.log(`preview update at 100 scenarios ${ms(documents.previewUpdate)} ms; PDF ${documents.pdf.map((p) => `${p.name} ${ms(p.drplanMs)} / chromium ${ms(p.chromiumMs)}`).join(', ')}`);
  console.log(`schema validator in a fresh process, prepared + first validation of 500: compiled ${ms(schema.compiled.prepare)} + ${ms(schema.compiled.first)} ms, generated ${ms(schema.generated.prepare)} + ${ms(schema.generated.first)} ms`);
  // When no other server of this run is busy any more: the extension in a real VS Code (code-server).
  const shipped = packagedExtension();
  const activation = await benchActivation({ loads: 5, extensionDevelopmentPath: shipped });
  rmSync(shipped, { recursive: true, force: true });
  // The browser's bundles, minified as this run built them.
  const webBundles = webBundleSizes(ROOT);
  console.log(`activation: activate → client running ${ms(activation.median.clientRunningMs)} ms, open → first diagnostics ${ms(activation.median.firstDiagnosticsMs)} ms`);
  // The PDF up to the size limit (20,000 short scenarios are a plan just under 5 MB), after the
  // activation: its large processes leave the machine busy for a while.
  const pdfScale = await measurePdfScale([500, 3000, 20000]);
  console.log(`PDF at scale: ${pdfScale.map((f) => `${f.scenarios} scenarios ${f.pages} pages ${ms(f.ms)} ms ${f.peakMb.toFixed(0)} MB`).join('; ')}`);
  const hostileText = await measureHostileText();
  console.log(`PDF of hostile text: ${hostileText.map((f) => `${f.name}: ${f.pages} pages ${ms(f.ms)} ms ${f.peakMb.toFixed(0)} MB`).join('; ')}`);

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const table = (cells: (r: Row) => string[]) => rows.map((r) => `| ${[r.name, ...cells(r)].join(' | ')} |`).join('\n');
  const at500 = rows.find((r) => r.name === '500 scenarios');
  const at2000 = rows.find((r) => r.name === '2000 scenarios');
  const markdown = `# Benchmarks

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; do not edit by hand.
Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}.
All figures are medians in milliseconds from this one run, unless they say otherwise.

drplan's server (\`node ${SERVER_NODE_OPTIONS.join(' ')} dist/server.js --stdio\`, minified and with the Node
options VS Code starts it with; ${ownV8Flags()}) and its peer, Red Hat's \`yaml-language-server\`
(the engine of the YAML extension for VS Code) configured with drplan's own schema for
\`*.drplan.yaml\`, are driven by the same LSP client code over stdio, each in a fresh process
per plan. The plans are generated valid plans (\`bench/generatePlan.ts\`) and the example.
The floor is \`yaml\`'s \`parseDocument\` alone, in-process.

${userFeltSection(userFelt)}
## Open → diagnostics

From \`didOpen\` to the diagnostics of that document. Targets: at most 1.5× the bare parse and at
most half of the peer's; open at 2,000 scenarios at most 4.5× open at 500.

| plan | size | parse (floor) | drplan check in-process | drplan | peer | drplan / floor | drplan / peer |
| --- | --- | --- | --- | --- | --- | --- | --- |
${table((r) => [`${(r.bytes / 1024).toFixed(0)} KB`, ms(r.parse), ms(r.check), ms(r.ours.open), ms(r.peer.open), ratio(r.ours.open, r.parse), ratio(r.ours.open, r.peer.open)])}

Growth from 500 to 2,000 scenarios: ${at500 && at2000 ? ratio(at2000.ours.open, at500.ours.open) : '–'} for drplan (4× the text).

drplan reads plain block YAML line by line (\`core/parse/blockYaml.ts\`) into the very tree
\`yaml\`'s parser would make, and leaves everything else to \`yaml\`: so its whole check can
take less time than the bare parse. The generated plans and the example are plain block YAML.

## Change → diagnostics

One keystroke in a scenario's recovery time in the middle of the plan (\`didChange\`,
incremental sync) to the diagnostics of that version, over ${CHANGES} keystrokes; drplan's
validation delay (none by default: a change is checked at once when the server is idle) and the
peer's (200 ms) included. drplan re-parses only the list item the keystroke touched, and checks
only that item against the schema and, for a scenario, with the scenario rules. Targets: under
30 ms at 500 and 60 ms at 2,000 scenarios, and at most a tenth of the peer's from 100 scenarios
on.

| plan | drplan median | drplan p90 | peer median | peer p90 | drplan / peer |
| --- | --- | --- | --- | --- | --- |
${table((r) => [ms(r.ours.changeMedian), ms(r.ours.changeP90), ms(r.peer.changeMedian), ms(r.peer.changeP90), ratio(r.ours.changeMedian, r.peer.changeMedian)])}

## Completion and hover

Requests on the analysis of the current version, medians of ${REQUESTS}. Target: drplan under 10 ms at
500 and 2,000 scenarios.

| plan | completion after \`category: \` (drplan / peer) | completion on an empty line (drplan / peer) | hover on \`rto\` (drplan / peer) |
| --- | --- | --- | --- |
${table((r) => [`${ms(r.ours.completeValue)} / ${ms(r.peer.completeValue)}`, `${ms(r.ours.completeKey)} / ${ms(r.peer.completeKey)}`, `${ms(r.ours.hover)} / ${ms(r.peer.hover)}`])}

## Memory

Resident memory of the server process with the plan open, after the measurements (MB). Target:
drplan under 150 MB with the 2,000-scenario plan open.

| plan | drplan | peer |
| --- | --- | --- |
${table((r) => [r.ours.rss.toFixed(0), r.peer.rss.toFixed(0)])}

## The plan document

- Preview after a keystroke at 100 scenarios (\`didChange\` → the \`drplan/preview\` answer for that
  version, over 20 keystrokes): ${ms(documents.previewUpdate)} ms. Target: under 150 ms.
- PDF export, in-process with pdfmake, against the peer a Markdown-PDF-style extension uses:
  headless Chromium printing drplan's own HTML export to A4. Targets: the example under 1 s,
  500 scenarios under 10 s.

| plan | pages | drplan PDF | Chromium prints the HTML | drplan / Chromium |
| --- | --- | --- | --- | --- |
${documents.pdf.map((p) => `| ${p.name} | ${p.pages} | ${ms(p.drplanMs)} | ${ms(p.chromiumMs)} | ${ratio(p.drplanMs, p.chromiumMs)} |`).join('\n')}

- The PDF up to the size limit: \`drplan render\` as a user runs it (a fresh process of the CLI),
  on plans of short scenarios (\`generateShortPlan\`: 20,000 of them are a plan just under the
  5 MB limit), one run each. Peak memory is the process's peak resident memory, every thread
  included. Targets: well under 1 GB at any size under the limit, time in proportion to the plan.

| scenarios | plan | pages | time | per 1,000 pages | peak memory |
| --- | --- | --- | --- | --- | --- |
${pdfScale.map((f) => `| ${f.scenarios} | ${(f.bytes / 1024 / 1024).toFixed(2)} MB | ${f.pages} | ${(f.ms / 1000).toFixed(1)} s | ${((f.ms / 1000 / f.pages) * 1000).toFixed(1)} s | ${f.peakMb.toFixed(0)} MB |`).join('\n')}

- Text that pdfmake's own line breaking laid out in quadratic time and memory, in the example
  plan: a contact's name of 10,000 digits (with pdfmake's line builder: 52 s and 2.9 GB in the
  server, out of memory in the CLI) and a paragraph of 40,000 words in a table cell. Target (issue
  13): the name under 600 MB and a few seconds.

| text | plan | pages | time | peak memory |
| --- | --- | --- | --- | --- |
${hostileText.map((f) => `| ${f.name} | ${(f.bytes / 1024).toFixed(0)} kB | ${f.pages} | ${(f.ms / 1000).toFixed(1)} s | ${f.peakMb.toFixed(0)} MB |`).join('\n')}

## The extension in VS Code

${activation.loads} fresh windows of ${activation.host.appName} ${activation.host.vscodeVersion} (code-server), the extension loaded
as it is shipped: the files of the .vsix (\`vsce ls\`) in a folder of their own. Target: activation
under 200 ms.

| | median |
| --- | --- |
| \`activate()\` → language client running | ${ms(activation.median.clientRunningMs)} |
| \`activate()\` resolved | ${ms(activation.median.activateMs)} |
| opening the example → its first diagnostics | ${ms(activation.median.firstDiagnosticsMs)} |

Bundle sizes as shipped (minified as by \`npm run package\`; the PDF engine is loaded on the first
export only):

| file | bytes | gzip |
| --- | --- | --- |
${Object.entries(activation.bundles)
  .map(([file, size]) => `| ${file} | ${size.bytes} | ${size.gzipBytes} |`)
  .join('\n')}

${webBundleSection(webBundles)}
## Schema validation: generated at build time

drplan's schema validator is generated at build time by ajv's standalone mode
(\`scripts/lib/planValidator.mjs\`), so no code is compiled at run time. Compared with ajv's
compiler at start-up, in a fresh process each:

| | compiled at start-up | generated at build time |
| --- | --- | --- |
| preparing the validator (compiling it, or loading the module) | ${ms(schema.compiled.prepare)} | ${ms(schema.generated.prepare)} |
| its first validation of the 500-scenario plan | ${ms(schema.compiled.first)} | ${ms(schema.generated.first)} |
| a later validation of that plan | ${ms(schema.compiled.later)} | ${ms(schema.generated.later)} |

Validation runs the same code either way; the generated validator saves the compile at start-up.
`;
  writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), markdown);
  console.log('wrote docs/benchmarks.md');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/** What the server sets of V8 itself under this Node (server/src/tiering.ts), for the report's introduction. */
function ownV8Flags(): string {
  const flags = tieringFlags(process.versions.v8);
  const v8 = `V8 ${process.versions.v8.replace(/-.*$/, '')}`;
  if (flags.length === 0) return `under this Node's ${v8} it sets no V8 flag of its own`;
  return `under this Node's ${v8} it sets \`${flags.join(' ')}\` itself, \`server/src/tiering.ts\``;
}
