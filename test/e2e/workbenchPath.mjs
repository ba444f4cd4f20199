// What the e2e paths through the workbench share: a workspace folder of their own served by
// code-server, the workbench open in headless Chromium, and steps that go on from where the one
// before left the workbench, so that the steps after a failed one fail at once.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startCodeServer, workbenchUrl } from '../../scripts/lib/code-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS = path.join(ROOT, 'shots', 'e2e');

/**
 * A new workspace folder (`prepare` fills it), code-server on it, and the workbench with the
 * extension under development, once its explorer is there.
 */
export async function openWorkbench(prefix, prepare = async () => {}) {
  await mkdir(SHOTS, { recursive: true });
  const workspace = await mkdtemp(path.join(tmpdir(), prefix));
  await prepare(workspace);
  const server = await startCodeServer({ folder: workspace });
  const browser = await launchBrowser();
  const { page } = browser;
  await page.goto(workbenchUrl({ base: server.url, folder: workspace, extensionDevelopmentPath: ROOT }));
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });
  return { workspace, server, browser, page };
}

export async function closeWorkbench({ workspace, server, browser } = {}) {
  await browser?.close();
  await server?.stop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
}

/**
 * The steps of one path: a failed step leaves a screenshot (`failedShot`), and the steps after it
 * fail at once (each goes on from where the one before left the workbench).
 */
export function pathSteps(failedShot) {
  let failed;
  return (title, fn) =>
    it(title, async () => {
      if (failed) assert.fail(`an earlier step failed: ${failed}`);
      try {
        await fn();
      } catch (error) {
        failed = title;
        await failedShot().catch(() => {});
        throw error;
      }
    });
}
