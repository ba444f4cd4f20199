/**
 * Bytes as base64 and back, and bytes joined, without Node's Buffer: the same code in the Node
 * server, the web worker of VS Code in the browser and the extension host of either (a PDF
 * travels as base64 in the JSON of LSP).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new TextEncoder().encode(ALPHABET);
const VALUES = new Int16Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index++) VALUES[ALPHABET.charCodeAt(index)] = index;
const PAD = 61; // '='
const ascii = new TextDecoder();

/** `bytes` as base64 with padding (RFC 4648 §4). The characters are written as bytes and decoded once: no string of many parts. */
export function bytesToBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let at = 0;
  for (let index = 0; index < whole; index += 3) {
    const triple = ((bytes[index] as number) << 16) | ((bytes[index + 1] as number) << 8) | (bytes[index + 2] as number);
    out[at++] = CODES[triple >> 18] as number;
    out[at++] = CODES[(triple >> 12) & 63] as number;
    out[at++] = CODES[(triple >> 6) & 63] as number;
    out[at++] = CODES[triple & 63] as number;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const pair = ((bytes[whole] as number) << 16) | (rest === 2 ? (bytes[whole + 1] as number) << 8 : 0);
    out[at++] = CODES[pair >> 18] as number;
    out[at++] = CODES[(pair >> 12) & 63] as number;
    out[at++] = rest === 2 ? (CODES[(pair >> 6) & 63] as number) : PAD;
    out[at++] = PAD;
  }
  return ascii.decode(out);
}

/** The bytes of base64 `text` (padding optional); throws on a character outside the alphabet. */
export function base64ToBytes(text: string): Uint8Array {
  const length = text.endsWith('==') ? text.length - 2 : text.endsWith('=') ? text.length - 1 : text.length;
  if (length % 4 === 1) throw new Error('base64 of a length no bytes have');
  const bytes = new Uint8Array(Math.floor((length * 3) / 4));
  let bits = 0;
  let held = 0;
  let out = 0;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    const value = code < 128 ? (VALUES[code] as number) : -1;
    if (value < 0) throw new Error(`not base64 at ${index}`);
    bits = (bits << 6) | value;
    held += 6;
    if (held >= 8) {
      held -= 8;
      bytes[out++] = (bits >> held) & 255;
    }
  }
  return bytes;
}

/** `parts` one after another in one array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.byteLength;
  }
  return joined;
}
