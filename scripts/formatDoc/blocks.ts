/**
 * Generated blocks in a Markdown file: `<!-- generated:NAME -->` … `<!-- /generated:NAME -->`.
 * Everything between the markers is rewritten; everything outside them is written by hand.
 */

const BLOCK = /<!-- generated:([a-z-]+) -->\n[\s\S]*?<!-- \/generated:\1 -->/g;
const MARKER = /<!-- \/?generated:([a-z-]+) -->/g;

/** `text` with the content of each block replaced; every block must appear exactly once, and no other. */
export function replaceGeneratedBlocks(text: string, blocks: Readonly<Record<string, string>>): string {
  const markers = [...text.matchAll(MARKER)].map((match) => match[0]);
  for (const name of Object.keys(blocks)) {
    const opening = markers.filter((marker) => marker === `<!-- generated:${name} -->`).length;
    const closing = markers.filter((marker) => marker === `<!-- /generated:${name} -->`).length;
    if (opening !== 1 || closing !== 1) {
      throw new Error(`the block '${name}' needs one <!-- generated:${name} --> and one <!-- /generated:${name} --> line; found ${opening} and ${closing}`);
    }
  }
  const unknown = [...new Set(markers.map((marker) => marker.replace(MARKER, '$1')))].filter((name) => !(name in blocks));
  if (unknown.length > 0) throw new Error(`unknown generated blocks: ${unknown.join(', ')}`);
  return text.replace(BLOCK, (_whole, name: string) => `<!-- generated:${name} -->\n${blocks[name]}\n<!-- /generated:${name} -->`);
}
