/**
 * Author text inside markdown (hovers, completion documentation): shown as the text it is, never
 * as formatting, a link, an image or HTML. VS Code's renderer also turns bare URLs, `www.` names
 * and e-mail addresses into links; an escaped `:` (before `//`), `.` (after `www`) or `@` breaks
 * those patterns and still shows as itself. A plan must not make the editor fetch anything (`![t](https://…)` was an
 * image VS Code loaded).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|&@]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/\r?\n/g, ' ');
}

/** An id in a code span (backticks inside cannot be escaped there, so such text is escaped plainly). */
export function codeSpan(text: string): string {
  return text.includes('`') || text.includes('\n') ? escapeMarkdown(text) : `\`${text}\``;
}
