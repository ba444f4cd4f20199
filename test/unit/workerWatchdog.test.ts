import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { renderInWorker, RenderStalled, type RenderJob } from '../../server/src/cli/renderWorker';
import { pdfWorker } from '../../server/src/pdfWorkerClient';
import type { PlanDocument } from '../../server/src/core/render/tree';

/**
 * A PDF worker that stops making progress is ended, with a reason the user can read, and the
 * next export gets a fresh worker: real worker threads running scripts that hang on purpose.
 */
const folder = mkdtempSync(join(tmpdir(), 'drplan-watchdog-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** A server PDF worker that loops for ever on a document titled "hang" and answers others at once. */
const serverWorker = join(folder, 'server-worker.js');
writeFileSync(
  serverWorker,
  `const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, document }) => {
  if (document.title === 'hang') for (;;) {}
  parentPort.postMessage({ id, progress: 0.5 });
  parentPort.postMessage({ id, data: new Uint8Array([37, 80, 68, 70]) });
});`,
);

/** A render worker that reports progress now and then, but slower than the watchdog allows. */
const slowRenderWorker = join(folder, 'render-worker.js');
writeFileSync(
  slowRenderWorker,
  `const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ progress: 0 });
setTimeout(() => parentPort.postMessage({ progress: 0.1 }), 200);
setInterval(() => {}, 1000);`,
);

const documentTitled = (title: string) => ({ title }) as unknown as PlanDocument;

describe('worker watchdog', () => {
  it('ends a server PDF worker that makes no progress, says why, and starts afresh', async () => {
    const maker = pdfWorker(serverWorker, () => 'de', 0.5);
    try {
      const started = performance.now();
      await assert.rejects(maker.pdf(documentTitled('hang')), { message: 'Das Dokument ist 0.5 Sekunden lang nicht vorangekommen und wurde abgebrochen' });
      assert.ok(performance.now() - started < 5000);
      const progress: number[] = [];
      assert.deepEqual([...(await maker.pdf(documentTitled('plan'), (done) => progress.push(done)))], [37, 80, 68, 70]);
      assert.deepEqual(progress, [0.5]);
    } finally {
      maker.dispose();
    }
  });

  it('fails every export waiting on the stuck worker, and asking again does not keep it alive', async () => {
    const maker = pdfWorker(serverWorker, () => 'en', 0.6);
    try {
      const first = maker.pdf(documentTitled('hang'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = maker.pdf(documentTitled('plan'));
      const started = performance.now();
      await assert.rejects(first, { message: 'the document made no progress for 0.6 seconds and was stopped' });
      await assert.rejects(second, { message: 'the document made no progress for 0.6 seconds and was stopped' });
      assert.ok(performance.now() - started < 600, 'the second request did not restart the time');
    } finally {
      maker.dispose();
    }
  });

  it('ends the command line\'s render worker once its progress stops', async () => {
    const job: RenderJob = { text: 'plan: {}', uri: 'file:///plan.drplan.yaml', format: 'pdf', locale: 'en', today: undefined, maxFileSize: Infinity };
    const progress: number[] = [];
    const started = performance.now();
    await assert.rejects(renderInWorker(job, (done) => progress.push(done), { script: slowRenderWorker, stallSeconds: 0.5 }), (error: unknown) => error instanceof RenderStalled && error.seconds === 0.5);
    // Progress at 0 and 0.2 s, then silence: stopped 0.5 s after the last sign of life.
    assert.deepEqual(progress, [0, 0.1]);
    assert.ok(performance.now() - started >= 650, 'progress kept it alive');
  });
});
