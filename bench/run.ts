/**
 * `npm run bench`: measures drplan on generated valid plans and writes docs/benchmarks.md.
 * Everything in one run, one process tree: the bare `yaml` parse (the floor), the core's whole
 * check in-process, and the real server over stdio as an editor drives it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { analyze } from '../server/src/core';
import { toPlainValue } from '../server/src/core/parse/toValue';
import { YamlDocument } from '../server/src/core/parse/yamlDocument';
import { planSchema } from '../server/src/core/schema/validator';
import { LspClient } from '../test/support/lspClient';
import { benchActivation } from '../scripts/lib/vscode-suite.mjs';
import { generatePlan } from './generatePlan';
import { median, ms, percentile, ratio, timeSync } from './stats';

const ROOT = join(__dirname, '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const SIZES = [10, 100, 500, 2000];
const CHANGES = 20;

interface Row {
  name: string;
  bytes: number;
  parse: number;
  check: number;
  open: number;
  changeMedian: number;
  changeP90: number;
  completeValue: number;
  completeKey: number;
  hover: number;
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

function positionOf(text: string, needle: string, after = 0): { line: number; character: number } {
  const offset = text.indexOf(needle, after);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

async function measureServer(
  client: LspClient,
  name: string,
  text: string,
  runs: number,
): Promise<{ open: number[]; change: number[]; completeValue: number[]; completeKey: number[]; hover: number[] }> {
  const open: number[] = [];
  // The first runs warm the server's JIT up, as hours of editing would; the bare parse it is
  // compared with is measured warm too.
  const warmUp = Math.max(1, Math.ceil(runs / 2));
  for (let run = 0; run < warmUp + runs; run++) {
    const uri = `file:///bench/${name}-${run}.drplan.yaml`;
    const start = performance.now();
    await client.open(uri, text);
    await client.diagnosticsOfVersion(uri, 1, 120_000);
    if (run >= warmUp) open.push(performance.now() - start);
    await client.close(uri);
  }

  // Typing in the first scenario's recovery time: 4h → 5h → 4h …, one keystroke per version.
  const uri = `file:///bench/${name}-typing.drplan.yaml`;
  await client.open(uri, text);
  await client.diagnosticsOfVersion(uri, 1, 120_000);
  const offset = text.indexOf('recovery_time: 4h') + 'recovery_time: '.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - before.lastIndexOf('\n') - 1;
  const change: number[] = [];
  for (let version = 2; version < 2 + CHANGES; version++) {
    const start = performance.now();
    await client.change(uri, version, [
      { range: { start: { line, character }, end: { line, character: character + 1 } }, text: version % 2 === 0 ? '5' : '4' },
    ]);
    await client.diagnosticsOfVersion(uri, version, 120_000);
    change.push(performance.now() - start);
  }

  // Completion and hover on the analysis of the current version, in the first scenario.
  const textDocument = { uri };
  const category = positionOf(text, 'category: ', text.indexOf('scenarios:'));
  category.character += 'category: '.length;
  const completeValue = await timeRequests(REQUESTS, () =>
    client.connection.sendRequest('textDocument/completion', { textDocument, position: category }),
  );
  const rto = positionOf(text, 'rto: ', text.indexOf('scenarios:'));
  rto.character += 'rto: '.length;
  const hover = await timeRequests(REQUESTS, () => client.connection.sendRequest('textDocument/hover', { textDocument, position: rto }));
  // A new, empty line in the scenario (the user pressed Enter), then completion of its keys.
  const version = 2 + CHANGES;
  const lineEnd = { line: rto.line, character: rto.character + 2 };
  await client.change(uri, version, [{ range: { start: lineEnd, end: lineEnd }, text: '\n    ' }]);
  await client.diagnosticsOfVersion(uri, version, 120_000);
  const emptyLine = { line: rto.line + 1, character: 4 };
  const completeKey = await timeRequests(REQUESTS, () =>
    client.connection.sendRequest('textDocument/completion', { textDocument, position: emptyLine }),
  );
  await client.close(uri);
  return { open, change, completeValue, completeKey, hover };
}

function peakRss(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** ajv compiled at start-up against ajv's standalone code loaded precompiled, on the 500-scenario plan. */
function measureSchemaCompilation(text: string): { compile: number; loadStandalone: number; validateCompiled: number; validateStandalone: number } {
  const value = toPlainValue(new YamlDocument(text));
  const compile = median(timeSync(10, () => new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true }).compile(planSchema)));
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, code: { source: true } });
  const compiled = ajv.compile(planSchema);
  const source = standaloneCode(ajv, compiled);
  const load = () => {
    const module = { exports: {} as { default?: (data: unknown) => boolean } };
    new Function('module', 'exports', 'require', source)(module, module.exports, require);
    return module.exports.default ?? (module.exports as unknown as (data: unknown) => boolean);
  };
  const loadStandalone = median(timeSync(10, load));
  const standalone = load();
  return {
    compile,
    loadStandalone,
    validateCompiled: median(timeSync(20, () => compiled(value))),
    validateStandalone: median(timeSync(20, () => standalone(value))),
  };
}

async function main(): Promise<void> {
  const plans: [string, string][] = [
    ['example', readFileSync(join(ROOT, 'examples', 'plone-intranet.drplan.yaml'), 'utf8')],
    ...SIZES.map((size): [string, string] => [`${size} scenarios`, generatePlan(size)]),
  ];
  const client = await LspClient.start('node', [SERVER, '--stdio']);
  const rows: Row[] = [];
  for (const [name, text] of plans) {
    const runs = runsFor(text.length);
    const parse = median(timeSync(runs, () => parseDocument(text, { lineCounter: new LineCounter() })));
    const check = median(timeSync(runs, () => analyze(text).diagnostics('en')));
    const server = await measureServer(client, name.replace(/\s+/g, '-'), text, runs);
    const row: Row = {
      name,
      bytes: text.length,
      parse,
      check,
      open: median(server.open),
      changeMedian: median(server.change),
      changeP90: percentile(server.change, 90),
      completeValue: median(server.completeValue),
      completeKey: median(server.completeKey),
      hover: median(server.hover),
    };
    rows.push(row);
    console.log(
      `${name}: parse ${ms(parse)} ms, check ${ms(check)} ms, open→diagnostics ${ms(row.open)} ms, ` +
        `change→diagnostics ${ms(row.changeMedian)} ms (p90 ${ms(row.changeP90)}), ` +
        `completion ${ms(row.completeValue)}/${ms(row.completeKey)} ms, hover ${ms(row.hover)} ms`,
    );
  }
  const rss = peakRss(client.process.pid);
  await client.stop();
  const schema = measureSchemaCompilation(generatePlan(500));
  // Last, when no other server of this run is busy: the extension in a real VS Code (code-server).
  const activation = await benchActivation({ loads: 5 });
  console.log(`activation: activate → client running ${ms(activation.median.clientRunningMs)} ms, open → first diagnostics ${ms(activation.median.firstDiagnosticsMs)} ms`);
  console.log(`ajv: compile ${ms(schema.compile)} ms, standalone load ${ms(schema.loadStandalone)} ms; validate 500: ${ms(schema.validateCompiled)} / ${ms(schema.validateStandalone)} ms`);

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const table = rows
    .map(
      (r) =>
        `| ${r.name} | ${(r.bytes / 1024).toFixed(0)} KB | ${ms(r.parse)} | ${ms(r.check)} | ${ms(r.open)} | ${ratio(r.open, r.parse)} | ${ms(r.changeMedian)} | ${ms(r.changeP90)} |`,
    )
    .join('\n');
  const markdown = `# Benchmarks

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; do not edit by hand.
Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}.
All figures are medians in milliseconds, from one run.

## Checking a plan

- **parse**: \`yaml\`'s \`parseDocument\` alone, in-process: the floor any YAML tool pays.
- **check**: drplan's whole analysis in-process (parse, model, schema, rules, diagnostics).
- **open → diagnostics**: the real server over stdio (\`dist/server.js --stdio\`), from
  \`didOpen\` to the \`publishDiagnostics\` of that version, as an editor sees it. Target: at most
  1.5× the bare parse.
- **change → diagnostics**: one keystroke (\`didChange\`, incremental) to the diagnostics of that
  version, over ${CHANGES} keystrokes, the validation delay (${15} ms default) included.

| plan | size | parse | check | open → diagnostics | open / parse | change → diagnostics | change p90 |
| --- | --- | --- | --- | --- | --- | --- | --- |
${table}

The server's peak resident memory over the whole run: ${rss.toFixed(0)} MB.

## Completion and hover

Requests to the same server, on the analysis of the current version, medians of ${REQUESTS}. Target: under
10 ms at 500 and 2,000 scenarios.

| plan | completion after \`category: \` | completion on an empty line in a scenario | hover on \`rto\` |
| --- | --- | --- | --- |
${rows.map((r) => `| ${r.name} | ${ms(r.completeValue)} | ${ms(r.completeKey)} | ${ms(r.hover)} |`).join('\n')}

## The extension in VS Code

${activation.loads} fresh windows of ${activation.host.appName} ${activation.host.vscodeVersion} (code-server), the extension loaded
as in development. Target: activation under 200 ms.

| | median |
| --- | --- |
| \`activate()\` → language client running | ${ms(activation.median.clientRunningMs)} |
| \`activate()\` resolved | ${ms(activation.median.activateMs)} |
| opening the example → its first diagnostics | ${ms(activation.median.firstDiagnosticsMs)} |

Bundle sizes of this build (\`npm run build\`, not minified; \`npm run package\` ships them minified):

| file | bytes | gzip |
| --- | --- | --- |
${Object.entries(activation.bundles)
  .map(([file, size]) => `| ${file} | ${size.bytes} | ${size.gzipBytes} |`)
  .join('\n')}

## Schema validation: compiled at start-up or precompiled

ajv can emit the validator as standalone code at build time instead of compiling the schema when
the server starts.

| | compile at start-up | load precompiled |
| --- | --- | --- |
| preparing the validator | ${ms(schema.compile)} | ${ms(schema.loadStandalone)} |
| validating the 500-scenario plan | ${ms(schema.validateCompiled)} | ${ms(schema.validateStandalone)} |

Validation runs the same generated code either way; precompiling would only save the one-time
compile at start-up, which is ${ms(schema.compile)} ms, so drplan compiles at start-up and ships no
generated code.
`;
  writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), markdown);
  console.log('wrote docs/benchmarks.md');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
