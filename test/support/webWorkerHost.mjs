// Runs the language server's web-worker bundle (dist/web/server.js) as a browser would, but in
// Node, for the LSP tests: the bundle runs in a realm of its own (node:vm) whose global scope is a
// dedicated worker's as far as the server uses it (`self`, `postMessage`, `onmessage`, `close`,
// timers, TextEncoder, crypto, console) and has none of Node's (no process, Buffer, require,
// global, setImmediate), and that refuses to make code from strings, like a worker whose
// Content-Security-Policy refuses eval. This host speaks LSP over standard input and output, like
// `drplan-language-server --stdio`; messages cross as JSON, one task each, as postMessage delivers them.
//
// Usage: node test/support/webWorkerHost.mjs dist/web/server.js
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import jsonrpc from 'vscode-jsonrpc/node.js';

const { StreamMessageReader, StreamMessageWriter } = jsonrpc;
const bundle = process.argv[2];
if (!bundle) {
  process.stderr.write('usage: webWorkerHost.mjs BUNDLE\n');
  process.exit(2);
}
const reader = new StreamMessageReader(process.stdin);
const writer = new StreamMessageWriter(process.stdout);
const log = (...args) => process.stderr.write(`${args.map((arg) => (arg instanceof Error || typeof arg !== 'object' ? String(arg?.stack ?? arg) : JSON.stringify(arg))).join(' ')}\n`);

const host = {
  post: (json) => void writer.write(JSON.parse(json)),
  close: () => process.exit(0),
  encode: (text) => new TextEncoder().encode(text),
};
const worker = createContext(
  {
    host,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    TextDecoder,
    URL,
    URLSearchParams,
    AbortController,
    performance,
    crypto: globalThis.crypto,
    // The console writes to standard error: standard output carries LSP.
    console: { log, info: log, warn: log, error: log, debug: log, trace: log },
  },
  { name: 'web worker', codeGeneration: { strings: false, wasm: false } },
);
// In the worker's realm: its scope as `self`, messages as JSON of that realm, and a TextEncoder
// whose bytes are that realm's Uint8Array (as a browser's are).
const deliver = runInContext(
  `(() => {
    const { host } = globalThis;
    delete globalThis.host;
    globalThis.self = globalThis;
    globalThis.onmessage = null;
    globalThis.postMessage = (message) => host.post(JSON.stringify(message));
    globalThis.addEventListener = () => undefined;
    globalThis.close = () => host.close();
    globalThis.TextEncoder = class TextEncoder {
      get encoding() { return 'utf-8'; }
      encode(text = '') { const bytes = host.encode(String(text)); const own = new Uint8Array(bytes.length); own.set(bytes); return own; }
    };
    return (json) => globalThis.onmessage?.({ data: JSON.parse(json) });
  })()`,
  worker,
);
reader.listen((message) => setTimeout(() => deliver(JSON.stringify(message)), 0));
reader.onClose(() => process.exit(0));
runInContext(readFileSync(bundle, 'utf8'), worker, { filename: bundle });
