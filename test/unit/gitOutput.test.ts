import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { blobIdOf, gitReading, historyOfText, isBlobOf, parseBlob, parseCommits, parseRepository, parseSource, type HeadBlob } from '../../server/src/gitOutput';

/** The blob git would store for `text`. */
const blobOf = (text: string, algorithm: 'sha1' | 'sha256' = 'sha1'): HeadBlob => ({ id: blobIdOf(text, algorithm), size: Buffer.byteLength(text) });

/** git's answers read back (server/src/gitOutput.ts): the formats gitHistory.ts asks for. */
describe('reading git\'s output', () => {
  it('reads the commits of `git log -z`, subjects with the separator and odd records included', () => {
    const output = [
      'abc1234\x1f2026-12-03T00:30:00+01:00\x1fErika Mustermann\x1fPlan umbenannt, Rückruf ergänzt',
      '\ndef5678\x1f2026-11-02T09:00:00-05:00\x1fMax\x1fA subject with \x1f inside',
      'not a commit',
      '0123abc\x1fyesterday\x1fNobody\x1fno date',
      'fedcba9\x1f2026-01-01T00:00:00Z\x1f\x1f',
      '',
    ].join('\0');
    assert.deepEqual(parseCommits(output), [
      { hash: 'abc1234', day: '2026-12-03', author: 'Erika Mustermann', subject: 'Plan umbenannt, Rückruf ergänzt' },
      { hash: 'def5678', day: '2026-11-02', author: 'Max', subject: 'A subject with \x1f inside' },
      { hash: 'fedcba9', day: '2026-01-01', author: '', subject: '' },
    ]);
    assert.deepEqual(parseCommits(''), []);
  });

  it('cuts a subject or a name too long for a document', () => {
    const [commit] = parseCommits(`abc1234\x1f2026-12-03T00:30:00+01:00\x1f${'N'.repeat(1000)}\x1f${'x'.repeat(100_000)}\0`);
    assert.equal(commit?.subject.length, 300);
    assert.ok(commit?.subject.endsWith('…'));
    assert.equal(commit?.author.length, 300);
  });

  it('reads the source commit, the repository and object ids', () => {
    assert.deepEqual(parseSource('abc1234\x1f2026-12-03T00:30:00+01:00\n'), { hash: 'abc1234', day: '2026-12-03' });
    assert.equal(parseSource(''), undefined);
    assert.equal(parseSource('abc1234\x1fgestern'), undefined);
    assert.deepEqual(parseRepository('true\nfalse\n/r/.git\n.git\n'), { shallow: false, gitDir: '/r/.git', commonDir: '.git' });
    assert.deepEqual(parseRepository('true\ntrue\n/r/.git/worktrees/w\n/r/.git\n'), { shallow: true, gitDir: '/r/.git/worktrees/w', commonDir: '/r/.git' });
    assert.equal(parseRepository('false\nfalse\n/r/.git\n.git\n'), undefined, 'inside .git: no work tree');
    assert.equal(parseRepository('true\n'), undefined);
    assert.deepEqual(parseBlob(`100644 blob ${'a'.repeat(40)}    9114\tplan.drplan.yaml\n`), { id: 'a'.repeat(40), size: 9114 });
    assert.deepEqual(parseBlob(`100755 blob ${'b'.repeat(64)} 12\tplan.drplan.yaml\n`), { id: 'b'.repeat(64), size: 12 });
    assert.equal(parseBlob(''), undefined, 'HEAD does not hold the file');
    assert.equal(parseBlob(`040000 tree ${'a'.repeat(40)}       -\tplan.drplan.yaml\n`), undefined, 'a folder of that name');
  });
});

describe('the text rendered and the file in HEAD', () => {
  const text = 'drplan: "1"\nplan:\n  title: Ä\n';
  it('computes git\'s blob ids (SHA-1 and SHA-256)', () => {
    // `printf 'hello\n' | git hash-object --stdin`
    assert.equal(blobIdOf('hello\n', 'sha1'), 'ce013625030ba8dba906f756967f9e9ca394464a');
    const content = Buffer.from(text);
    assert.equal(blobIdOf(text, 'sha256'), createHash('sha256').update(`blob ${content.length}\0`).update(content).digest('hex'));
  });

  it('is the same text with or without a byte-order mark and with CRLF checked out from LF', () => {
    const committed = blobOf(text);
    assert.equal(isBlobOf(text, committed), true);
    assert.equal(isBlobOf(text.replace(/\n/g, '\r\n'), committed), true, 'core.autocrlf');
    assert.equal(isBlobOf(`${text}x`, committed), false);
    assert.equal(isBlobOf(text, blobOf(`\uFEFF${text}`)), true, 'the editor dropped the BOM');
    assert.equal(isBlobOf(text, blobOf(text, 'sha256')), true);
    assert.equal(isBlobOf(text.replace('Ä', 'A'), blobOf(text, 'sha256')), false);
    assert.equal(isBlobOf(text, { ...committed, size: committed.size + 1 }), false, 'another size: no hash');
  });

  it('gives the same history object while the answer stays the same', () => {
    const reading = gitReading({ commits: [], older: 0, shallow: false, source: { hash: 'abc1234', day: '2026-12-03' } }, blobOf(text));
    assert.equal(historyOfText(reading, text), historyOfText(reading, text));
    assert.equal(historyOfText(reading, text).uncommitted, false);
    assert.equal(historyOfText(reading, `${text}#`).uncommitted, true);
    assert.equal(historyOfText(reading, `${text}#`), historyOfText(reading, `${text}##`));
    const notInHead = gitReading({ commits: [], older: 0, shallow: false, source: undefined }, undefined);
    assert.equal(historyOfText(notInHead, text).uncommitted, true);
  });
});
