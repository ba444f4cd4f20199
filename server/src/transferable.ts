/**
 * What `postMessage` may hand over instead of copying: the bytes' buffer, where they are all of
 * it (a view into a larger or pooled buffer is copied, so the sender keeps what is not its own).
 */
export function transferOf(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [];
}
