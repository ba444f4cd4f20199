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
  const folder = mkdtempSync(join(tmpdir(), 'drplan-pdf-scale-'));
  try {
    const figures: PdfScaleFigure[] = [];
    for (const scenarios of sizes) {
      const plan = join(folder, `${scenarios}.drplan.yaml`);
      const text = generateShortPlan(scenarios);
      writeFileSync(plan, text);
      const pdf = join(folder, `${scenarios}.pdf`);
      const start = performance.now();
      const stderr = await run(['--eval', `${PEAK} process.argv.splice(1, 0, ${JSON.stringify(CLI)}); require(${JSON.stringify(CLI)})`, 'render', '--force', '--today', '2026-11-29', '-o', pdf, plan]);
      const ms = performance.now() - start;
      const peak = /peak-rss-kb (\d+)/.exec(stderr);
      if (!peak) throw new Error(`drplan render ${scenarios}: ${stderr}`);
      const bytes = readFileSync(pdf);
      const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      figures.push({ scenarios, bytes: Buffer.byteLength(text), pages, ms, peakMb: Number(peak[1]) / 1024 });
    }
    return figures;
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
