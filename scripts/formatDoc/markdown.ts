/** Small Markdown writers for the generated parts of docs/format.md. */

/** A table cell: one line, and a `|` that would end the cell escaped. */
export function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** A Markdown table (GitHub flavour): the header, its separator, one row per entry. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Inline code. */
export function code(text: string): string {
  return `\`${text}\``;
}

/**
 * The anchor GitHub (and VS Code's preview) gives a heading: lower case, punctuation dropped,
 * blanks as hyphens. Only the characters drplan's headings use need to be right here.
 */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A link to a heading of the same page. */
export function linkTo(text: string, heading: string): string {
  return `[${text}](#${slug(heading)})`;
}
