// The launcher's side of the web suite's bridge (test/web/bridge.ts is the suite's side): a small
// HTTP server on 127.0.0.1 that the extension host's web worker may fetch (VS Code's worker
// allows connections to http://127.0.0.1:*; the answers carry CORS headers). Through it the
// suite asks for what a browser lacks, at the moment it chooses:
//   GET  /config                  the suite's options (grep)
//   POST /screenshot?name=N[&visible=CSS]  a screenshot of the workbench to shots/web/N.png,
//                                 once an element matching CSS is visible (if given; an error
//                                 after 15 s without it, the picture taken all the same)
//   POST /pdf?name=N              the PDF in the body saved to shots/web/N.pdf, read by poppler:
//                                 { bytes, pages, text } (pdfinfo, pdftotext; page 1 as N-page1.png)
//   POST /log                     lines for the launcher's output
//   POST /result                  the suite's result (test/web/index.ts)
// The launcher writes the bridge's address into the workspace (BRIDGE_FILE) for the suite to read.
// Plain Node ESM, no build step.

import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';

/** Where in the workspace folder the suite finds the bridge (test/web/bridge.ts reads it). */
export const BRIDGE_FILE = '.web-test-bridge.json';

const run = promisify(execFile);
const MAX_BODY = 64 * 1024 * 1024;

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error(`a body over ${MAX_BODY} bytes`));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The PDF's page count and text, as poppler reads them (and its first page as a PNG). */
async function readPdf(file, pagePng) {
  const { stdout: info } = await run('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  const { stdout: text } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, pagePng.replace(/\.png$/, '')]);
  return { pages, text };
}

/**
 * Starts the bridge. `page()` gives the workbench page (for screenshots), `shotsDir` is where the
 * screenshots and the suite's PDFs go, `config` what GET /config answers, `onLog` takes each line.
 * Resolves with { url, result(): the last result posted or undefined, close() }.
 */
export async function startBridge({ page, shotsDir, config = {}, onLog = () => {} }) {
  let result;
  const safeName = (value) => {
    if (!/^[\w.-]{1,80}$/.test(value ?? '')) throw new Error(`not a file name: ${value}`);
    return value;
  };
  const routes = {
    'GET /config': async () => config,
    'POST /screenshot': async (url) => {
      const name = safeName(url.searchParams.get('name'));
      const visible = url.searchParams.get('visible');
      const current = page();
      const file = path.join(shotsDir, `${name}.png`);
      // Taken either way: when the element does not show, the picture says what does.
      const shown = visible ? await current.locator(visible).first().waitFor({ state: 'visible', timeout: 15_000 }).catch((error) => error) : undefined;
      await current.screenshot({ path: file });
      if (shown instanceof Error) throw new Error(`${file}: no ${visible} within 15 s`);
      return { file };
    },
    'POST /pdf': async (url, body) => {
      const name = safeName(url.searchParams.get('name'));
      const file = path.join(shotsDir, `${name}.pdf`);
      await fs.writeFile(file, body);
      return { file, bytes: body.length, ...(await readPdf(file, path.join(shotsDir, `${name}-page1.png`))) };
    },
    'POST /log': async (_url, body) => {
      for (const line of body.toString('utf8').split('\n')) onLog(line);
      return {};
    },
    'POST /result': async (_url, body) => {
      result = JSON.parse(body.toString('utf8'));
      return {};
    },
  };
  await fs.mkdir(shotsDir, { recursive: true });
  const server = createServer(async (request, response) => {
    // The worker's origin is the workbench's (a subdomain of localhost): any origin may ask, the
    // server listens on the loopback address only.
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = routes[`${request.method} ${url.pathname}`];
    try {
      if (!route) throw Object.assign(new Error(`no route ${request.method} ${url.pathname}`), { status: 404 });
      const answer = await route(url, request.method === 'POST' ? await readBody(request) : Buffer.alloc(0));
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
    } catch (error) {
      response.writeHead(error.status ?? 500, { 'Content-Type': 'text/plain' }).end(String(error.message ?? error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    result: () => result,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
