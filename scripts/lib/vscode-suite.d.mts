// Types of vscode-suite.mjs, for TypeScript callers (bench/run.ts) and // @ts-check scripts.

export const ROOT: string;
/** dist/test/vscode/index.js: the VS Code suite's extensionTestsPath */
export const SUITE_PATH: string;
/** dist/test/vscode/bench/index.js: the activation benchmark's extensionTestsPath */
export const BENCH_PATH: string;
/** env var naming the file the suite writes its result to */
export const RESULT_ENV: string;
export const LOG_PREFIX: string;
/** user settings for a fresh test window */
export const TEST_SETTINGS: Record<string, unknown>;

export interface Workspace {
  /** the temporary folder holding everything */
  root: string;
  /** the workspace folder: examples/ and fixtures/ (copies) */
  folder: string;
  /** where the suite writes its result, next to the workspace */
  resultFile: string;
  cleanup(): Promise<void>;
}

export function prepareWorkspace(): Promise<Workspace>;

/** Copies the extension as VS Code loads it to `dest`; returns the top-level names copied. */
export function stageExtension(root: string, dest: string): Promise<string[]>;

/** What test/vscode/index.ts (and bench/index.ts) write; see test/vscode/report.ts. */
export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  durationMs: number;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number }[];
  host: { appName: string; vscodeVersion: string; uiKind: string; pid: number; node: string };
  bench?: ActivationSample & { serverPids: number[] };
}

export interface SuiteRunOptions {
  testsPath?: string;
  workspace?: Pick<Workspace, 'folder' | 'resultFile'>;
  extensionDevelopmentPath?: string;
  /** run a temporary copy of the extension (stageExtension), default true */
  stage?: boolean;
  loads?: number;
  timeoutMs?: number;
  onConsole?: (line: string) => void;
  onWorkbenchError?: (line: string) => void;
  env?: Record<string, string>;
}

export function runSuiteInCodeServer(options?: SuiteRunOptions): Promise<{
  runs: { result: SuiteResult; wallMs: number }[];
  codeServerStartMs: number;
  workspace: string;
}>;

export interface ActivationSample {
  /** true if something had activated the extension before (then the figures mean nothing) */
  wasActive: boolean;
  /** extension.activate() called → resolved */
  activateMs: number;
  /** extension.activate() called → language client state Running */
  clientRunningMs: number;
  /** openTextDocument(examples/plone-intranet.drplan.yaml) → its first diagnostics */
  firstDiagnosticsMs: number;
  /** how long the extension host had been up when the measurement began */
  extensionHostUptimeMs: number;
  /** number of diagnostics of the example plan */
  diagnostics: number;
}

export type BundleSizes = Record<string, { bytes: number; gzipBytes: number }>;

export function bundleSizes(files?: string[], root?: string): BundleSizes;

export interface ActivationBenchmark {
  loads: number;
  samples: (ActivationSample & { serverPids: number[] })[];
  median: { activateMs: number; clientRunningMs: number; firstDiagnosticsMs: number };
  host: SuiteResult['host'];
  codeServerStartMs: number;
  /** per page load: navigation → result file */
  windowLoadMs: number[];
  bundles: BundleSizes;
}

export function benchActivation(options?: {
  /** fresh windows (page loads) to measure, default 3 */
  loads?: number;
  timeoutMs?: number;
  onConsole?: (line: string) => void;
  /** default: the project root (dist/ as built) */
  extensionDevelopmentPath?: string;
}): Promise<ActivationBenchmark>;
