import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { slug } from '../../scripts/formatDoc/markdown';
import { FORMAT_DOC, REGENERATE_COMMAND, regenerateFormatDoc } from '../../scripts/formatDoc';
import { allFields, fieldSections } from '../../scripts/formatDoc/fields';
import { sectionHeading } from '../../scripts/formatDoc/fieldsMarkdown';
import { DIAGNOSTIC_CODES } from '../../server/src/core';
import { FIELDS } from '../../server/src/core/schema/fields';
import { severityOf } from '../../server/src/core/validate/diagnostic';
import { ROOT } from '../support/fixtures';

const file = join(ROOT, FORMAT_DOC);
const text = readFileSync(file, 'utf8');

/** The lines between `<!-- generated:NAME -->` and its closing marker. */
function block(name: string): string {
  const start = text.indexOf(`<!-- generated:${name} -->\n`);
  const end = text.indexOf(`<!-- /generated:${name} -->`);
  assert.ok(start >= 0 && end > start, `docs/format.md has no block '${name}'`);
  return text.slice(start, end);
}

/** Markdown outside fenced code blocks, where headings, links and tables are. */
function prose(markdown: string): string {
  return markdown.replace(/^ *```[\s\S]*?^ *```/gm, '');
}

describe('docs/format.md', () => {
  it('is up to date with the code', () => {
    // A failure here means the code changed (a field, a catalog entry, a code or its severity):
    // regenerate the file and commit it with the change.
    assert.ok(regenerateFormatDoc(text) === text, `${FORMAT_DOC} is stale: run \`${REGENERATE_COMMAND}\` and commit the result`);
  });

  it('lists every diagnostic code with its severity', () => {
    const words: Record<DiagnosticSeverity, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
    const codes = block('codes');
    for (const code of DIAGNOSTIC_CODES) {
      assert.ok(codes.includes(`| \`${code}\` | ${words[severityOf(code)]} |`), `the codes table lacks ${code} as ${words[severityOf(code)]}`);
    }
  });

  it('lists every field of the field table, each mapping once', () => {
    const sections = fieldSections();
    assert.equal(allFields(sections).length, FIELDS.length, 'a mapping of the field table is not reached from the top level');
    const fields = block('fields');
    for (const section of sections) {
      assert.ok(fields.includes(`### ${sectionHeading(section)}\n`), `no section for ${section.path}`);
      for (const field of section.fields) assert.ok(fields.includes(`| \`${field.key}\` |`), `${field.path} is missing`);
    }
  });

  it('has tables whose rows have as many cells as their header', () => {
    const lines = prose(text).split('\n');
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]?.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
      const header = lines[i] as string;
      assert.match(lines[i + 1] ?? '', /^\|( --- \|)+$/, `line ${i + 2}: a table needs its separator row`);
      for (let row = i + 1; lines[row]?.startsWith('|'); row++) {
        assert.equal(cells(lines[row] as string), cells(header), `line ${row + 1} has another number of cells than its header`);
      }
    }
  });

  it('links only to its own headings and to files in the repository', () => {
    const body = prose(text);
    const headings = [...body.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1] as string));
    assert.deepEqual(headings.filter((heading, index) => headings.indexOf(heading) !== index), [], 'two headings with one anchor');
    const anchors = new Set(headings);
    for (const [, target] of body.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (target?.startsWith('#')) {
        assert.ok(anchors.has(target.slice(1)), `no heading for the link ${target}`);
      } else {
        assert.ok(target && !/^[a-z]+:/.test(target), `an outside link: ${target}`);
        const path = resolve(dirname(file), target.replace(/#.*/, ''));
        assert.ok(!relative(ROOT, path).startsWith('..') && existsSync(path), `${target} is not a file of the repository`);
      }
    }
  });
});

describe('README.md', () => {
  it('points to files in the repository only, the format reference among them', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.match(readme, /\]\(docs\/format\.md\)/);
    for (const [, target] of prose(readme).matchAll(/(?:\]\(|`)(\.{1,2}\/[^)`\s]*)/g)) {
      assert.ok(!relative(ROOT, resolve(ROOT, target as string)).startsWith('..'), `README.md points outside the repository: ${target}`);
    }
  });
});
