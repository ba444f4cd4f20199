/**
 * The exported HTML file's own Content-Security-Policy (server/src/core/render/html.ts): a
 * `<meta http-equiv>` before anything it governs, nothing allowed but the file's one
 * stylesheet, by a hash computed when the file is made. test/e2e/hostile.e2e.ts proves in
 * Chromium that the policy holds.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { buildDocument, toHtml } from '../../server/src/core/render';
import { documentPolicy } from '../../server/src/core/render/html';
import { EXAMPLES, TODAY, read } from '../support/fixtures';
import { planWithEveryField } from '../support/hostile';

const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));

function htmlOf(text: string): string {
  return toHtml(buildDocument(analyze(text, { today: TODAY }), { today: TODAY, locale: 'de' }));
}

/** The policy of the meta tag and the text of the one `<style>` element. */
function parts(html: string): { policy: string; stylesheet: string; head: string } {
  const head = html.slice(0, html.indexOf('</head>'));
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(head)?.[1];
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
  assert.ok(policy, 'the file has a Content-Security-Policy meta tag');
  assert.equal(styles.length, 1, 'one <style> element');
  return { policy, stylesheet: styles[0] as string, head };
}

/** The directives of a policy by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name as string, values];
    }),
  );
}

describe('the HTML export\'s Content-Security-Policy', () => {
  const html = htmlOf(EXAMPLE);

  it('is a meta tag right after the charset, before the title and the stylesheet', () => {
    const { head } = parts(html);
    const order = ['<meta charset="utf-8">', '<meta http-equiv="Content-Security-Policy"', '<title>', '<style>'].map((tag) => head.indexOf(tag));
    assert.ok(order.every((index) => index >= 0), `${order}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.equal(head.match(/http-equiv/g)?.length, 1, 'one policy');
  });

  it('allows nothing but the file\'s own stylesheet, by its SHA-256 hash', () => {
    const { policy, stylesheet } = parts(html);
    const hash = createHash('sha256').update(stylesheet, 'utf8').digest('base64');
    assert.deepEqual(
      [...directives(policy)],
      [
        ['default-src', ["'none'"]],
        ['style-src', [`'sha256-${hash}'`]],
        ['form-action', ["'none'"]],
        ['base-uri', ["'none'"]],
      ],
    );
    assert.equal(policy, documentPolicy(stylesheet));
    assert.doesNotMatch(policy, /unsafe|nonce|\*|https?:|data:|blob:/, 'no escape hatch, no source but the hash');
  });

  it('is computed for each file: the hash follows the stylesheet (print header, column widths)', () => {
    const other = htmlOf(EXAMPLE.replace('title: Notfallplan Plone-Intranet', 'title: Notfallplan Rechenzentrum'));
    const [first, second] = [parts(html), parts(other)];
    assert.notEqual(first.stylesheet, second.stylesheet, 'the running header differs');
    assert.notEqual(first.policy, second.policy);
    for (const { policy, stylesheet } of [first, second]) assert.equal(policy, documentPolicy(stylesheet));
    // The same plan gives the same file: the hash is no nonce.
    assert.equal(htmlOf(EXAMPLE), html);
  });

  it('needs no style attribute: the column widths are rules of the stylesheet', () => {
    assert.doesNotMatch(html, /\sstyle=/);
    const { stylesheet } = parts(html);
    const used = new Set([...html.matchAll(/<col data-width="(\d+\.\d%)">/g)].map((match) => match[1]));
    assert.ok(used.size > 3, `${used.size} column widths`);
    for (const width of used) assert.ok(stylesheet.includes(`.drplan-document col[data-width="${width}"] { width: ${width}; }`), width);
    const rules = stylesheet.match(/col\[data-width=/g)?.length;
    assert.equal(rules, used.size, 'one rule per width, none unused');
  });

  it('holds for a hostile plan: author text cannot reach the policy or add a second one', () => {
    const hostile = htmlOf(
      planWithEveryField((field) => `<meta http-equiv="Content-Security-Policy" content="script-src *"> '; script-src 'unsafe-inline' ${field}`),
    );
    const { policy, stylesheet } = parts(hostile);
    assert.equal(policy, documentPolicy(stylesheet));
    assert.equal(hostile.match(/<meta http-equiv=/g)?.length, 1);
  });
});
