/**
 * The PDF at scale: `drplan render` as a user runs it (a fresh process of the minified CLI), on
 * plans of short scenarios up to the size limit, with its time and the process's peak resident
 * memory (the render worker's heap included).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateShortPlan } from './generatePlan';

export interface PdfScaleFigure {
  readonly scenarios: number;
  readonly bytes: number;
  readonly pages: number;
  readonly ms: number;
  /** Peak resident memory of the process, MB. */
  readonly peakMb: number;
}

const CLI = join(__dirname, '..', 'dist', 'cli.js');
/** Preloaded into the CLI: its peak memory (process-wide: every thread) on the way out. */
const PEAK = 'process.on("exit", () => process.stderr.write(`\\npeak-rss-kb ${process.resourceUsage().maxRSS}\\n`));';

export async function measurePdfScale(sizes: readonly number[]): Promise<PdfScaleFigure[]> {
  const figures: PdfScaleFigure[] = [];
  for (const scenarios of sizes) figures.push({ scenarios, ...(await renderFigure(`${scenarios}`, generateShortPlan(scenarios))) });
  return figures;
}

export interface HostileTextFigure extends Omit<PdfScaleFigure, 'scenarios'> {
  readonly name: string;
}

/**
 * The example plan with text that pdfmake's own line breaking laid out in quadratic time and
 * memory: a contact's name of 10,000 digits (52 s and 2.9 GB before), and a paragraph of 40,000
 * words as a contact's availability (shown in a narrow table column, so one word to a line).
 */
export async function measureHostileText(): Promise<HostileTextFigure[]> {
  const example = readFileSync(join(__dirname, '..', 'examples', 'plone-intranet.drplan.yaml'), 'utf8');
  const plans = [
    { name: 'a name of 10,000 digits', text: example.replace('name: Erika Mustermann', `name: "${'1234567890'.repeat(1000)}"`) },
    { name: 'a paragraph of 40,000 words', text: example.replace('availability: werktags 8-18 Uhr', `availability: "${Array.from({ length: 40_000 }, (_, i) => `Wort${i}`).join(' ')}"`) },
  ];
  const figures: HostileTextFigure[] = [];
  for (const { name, text } of plans) figures.push({ name, ...(await renderFigure(name.replace(/\W+/g, '-'), text)) });
  return figures;
}

/** `drplan render` of `text`, in a fresh process: time, pages and peak memory. */
async function renderFigure(name: string, text: string): Promise<Omit<PdfScaleFigure, 'scenarios'>> {
  const folder = mkdtempSync(join(tmpdir(), 'drplan-pdf-scale-'));
  try {
    const plan = join(folder, `${name}.drplan.yaml`);
    writeFileSync(plan, text);
    const pdf = join(folder, `${name}.pdf`);
    const start = performance.now();
    const stderr = await run(['--eval', `${PEAK} process.argv.splice(1, 0, ${JSON.stringify(CLI)}); require(${JSON.stringify(CLI)})`, 'render', '--force', '--today', '2026-11-29', '-o', pdf, plan]);
    const ms = performance.now() - start;
    const peak = /peak-rss-kb (\d+)/.exec(stderr);
    if (!peak) throw new Error(`drplan render ${name}: ${stderr}`);
    const bytes = readFileSync(pdf);
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    return { bytes: Buffer.byteLength(text), pages, ms, peakMb: Number(peak[1]) / 1024 };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function run(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 || code === 1 ? resolve(stderr) : reject(new Error(`drplan render exited ${code}: ${stderr}`))));
  });
}
