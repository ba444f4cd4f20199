/**
 * The web suite's line to its launcher (scripts/test-web.mjs; the other end is
 * scripts/lib/test-web-bridge.mjs): an HTTP server on 127.0.0.1, whose address the launcher
 * writes into the workspace folder. Through it the suite asks for what a browser lacks (a
 * screenshot of the workbench at a moment it chooses; poppler's pdfinfo and pdftotext on a PDF
 * the extension exported) and hands over its result.
 */
import * as vscode from 'vscode';
import { workspaceFile } from '../vscode/helpers';

/** Where the launcher writes the bridge's address (BRIDGE_FILE in test-web-bridge.mjs). */
const BRIDGE_FILE = '.web-test-bridge.json';

let address: Promise<string> | undefined;

function bridgeUrl(): Promise<string> {
  address ??= (async () => {
    const bytes = await vscode.workspace.fs.readFile(workspaceFile(BRIDGE_FILE));
    return (JSON.parse(new TextDecoder().decode(bytes)) as { url: string }).url;
  })();
  return address;
}

async function call<T>(path: string, body?: string | ArrayBuffer): Promise<T> {
  const url = `${await bridgeUrl()}${path}`;
  const response = await fetch(url, body === undefined ? undefined : { method: 'POST', body });
  if (!response.ok) throw new Error(`the launcher answered ${path} with ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The suite's options from the launcher. */
export function suiteConfig(): Promise<{ grep?: string }> {
  return call('/config');
}

/**
 * A screenshot of the workbench as it is now, saved as shots/web/`name`.png by the launcher, once
 * an element matching the CSS selector `visible` shows (if given).
 */
export async function screenshot(name: string, visible?: string): Promise<void> {
  const query = new URLSearchParams({ name });
  if (visible) query.set('visible', visible);
  await call(`/screenshot?${query}`, '');
}

export interface PdfFacts {
  readonly bytes: number;
  /** The page count pdfinfo reads. */
  readonly pages: number;
  /** The text pdftotext reads (its layout mode). */
  readonly text: string;
}

/** What poppler reads in the PDF `bytes` (the launcher keeps it as shots/web/`name`.pdf). */
export function readPdf(name: string, bytes: Uint8Array): Promise<PdfFacts> {
  return call(`/pdf?${new URLSearchParams({ name })}`, bytes.slice().buffer as ArrayBuffer);
}

/** Lines for the launcher's output (the worker's console may not reach it). */
export async function print(text: string): Promise<void> {
  await call('/log', text);
}

export async function report(result: object): Promise<void> {
  await call('/result', JSON.stringify(result));
}
