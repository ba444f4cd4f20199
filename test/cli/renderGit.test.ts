/**
 * `drplan render` of a plan in a git repository (made here): the document lists the commits
 * that touched the file and names the commit it was made from; `--no-git`, no repository and no
 * git on PATH give the plan's own `history:`; the programs a repository's configuration names
 * never run.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, TODAY_ISO } from '../support/fixtures';
import { FIRST_SUBJECT, git, htmlText, planRepository, plantTraps, SECOND_SUBJECT, shortHash } from '../support/gitRepositories';

const CLI = join(ROOT, 'dist', 'cli.js');

function drplan(args: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [CLI, ...args], { env: { ...env, LANG: 'C', LC_ALL: '' }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The document's text: HTML without its tags, or the PDF through pdftotext; blanks made one. */
function renderText(plan: string, format: 'html' | 'pdf', ...options: string[]): string {
  const output = join(dirname(plan), `dokument.${format}`);
  const { code, stderr } = drplan(['render', '--force', '--today', TODAY_ISO, '-o', output, ...options, plan]);
  assert.equal(code, 0, stderr);
  const text = format === 'pdf' ? execFileSync('pdftotext', [output, '-'], { encoding: 'utf8' }) : htmlText(readFileSync(output, 'utf8'));
  return text.replace(/\s+/g, ' ');
}

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
function repository() {
  const made = planRepository();
  folders.push(made.folder);
  return made;
}

describe('drplan render with git', () => {
  it('the PDF lists both commits (following the rename) and names the commit it was made from', () => {
    const { plan, folder, commits } = repository();
    const text = renderText(plan, 'pdf');
    assert.ok(text.includes(`Erstellt aus Commit ${shortHash(folder, 'HEAD')} vom 03.12.2026.`), text.slice(text.indexOf('Änderungshistorie')));
    for (const { subject, hash } of commits) {
      assert.ok(text.includes(subject), subject);
      assert.ok(text.includes(hash), hash);
    }
    assert.ok(text.includes('02.11.2026 Erika Mustermann'));
    assert.ok(!text.includes('Neufassung nach Umzug ins RZ Berlin'), 'git replaces the plan\'s history: entries');
    assert.ok(!text.includes('erika@example.org'), 'no e-mail addresses');
  });

  it('marks a file with uncommitted changes, and says of a file never committed that it is not', () => {
    const { plan, folder } = repository();
    writeFileSync(plan, `${readFileSync(plan, 'utf8')}# noch nicht eingecheckt\n`);
    assert.ok(renderText(plan, 'html').includes(`Erstellt aus Commit ${shortHash(folder, 'HEAD')} vom 03.12.2026 mit nicht eingecheckten Änderungen.`));

    const fresh = join(folder, 'neu.drplan.yaml');
    writeFileSync(fresh, readFileSync(plan, 'utf8'));
    const text = renderText(fresh, 'html');
    assert.ok(text.includes('Die Datei ist noch nicht eingecheckt.'));
    assert.ok(text.includes('Neufassung nach Umzug ins RZ Berlin'), 'the plan\'s own entries');
    assert.ok(!text.includes(FIRST_SUBJECT));
  });

  it('lists what a shallow clone has and says the list may be incomplete', () => {
    const { folder } = repository();
    const clone = join(mkdtempSync(join(tmpdir(), 'drplan-clone-')), 'klon');
    folders.push(dirname(clone));
    git(dirname(clone), ['clone', '-q', '--depth', '1', `file://${folder}`, clone]);
    const text = renderText(join(clone, 'plaene', 'notfallplan.drplan.yaml'), 'html');
    assert.ok(text.includes('flacher Klon (shallow clone)'));
    assert.ok(text.includes(SECOND_SUBJECT));
    assert.ok(!text.includes(FIRST_SUBJECT));
  });

  it('--no-git, no repository, no git on PATH: the plan\'s history: entries, nothing of git, exit 0', () => {
    const { plan } = repository();
    const outside = join(mkdtempSync(join(tmpdir(), 'drplan-outside-')), 'plan.drplan.yaml');
    folders.push(dirname(outside));
    writeFileSync(outside, readFileSync(plan, 'utf8'));
    const noGit = (text: string) => {
      assert.ok(text.includes('Neufassung nach Umzug ins RZ Berlin'));
      assert.ok(!/Commit|eingecheckt|Erste Fassung/.test(text), text.slice(text.indexOf('Änderungshistorie'), text.indexOf('Änderungshistorie') + 400));
    };
    noGit(renderText(plan, 'html', '--no-git'));
    noGit(renderText(outside, 'html'));
    const output = join(dirname(outside), 'ohne-git.html');
    const { code, stderr } = drplan(['render', '--today', TODAY_ISO, '-o', output, plan], { ...process.env, PATH: join(dirname(outside), 'kein-git') });
    assert.equal(code, 0, stderr);
    noGit(htmlText(readFileSync(output, 'utf8')));
  });

  it('runs none of the programs the repository\'s configuration names', () => {
    const { plan, folder, commits } = repository();
    const marker = join(mkdtempSync(join(tmpdir(), 'drplan-traps-')), 'marker');
    folders.push(dirname(marker));
    plantTraps(folder, marker);
    // The control: plain git runs them.
    git(folder, ['status']);
    git(folder, ['log', '-1', '--format=%h']);
    assert.ok(existsSync(marker), 'the traps work');
    rmSync(marker);
    const text = renderText(plan, 'html');
    for (const { subject } of commits) assert.ok(text.includes(subject), subject);
    assert.ok(text.includes(`Erstellt aus Commit ${shortHash(folder, 'HEAD')}`));
    assert.equal(existsSync(marker), false, existsSync(marker) ? readFileSync(marker, 'utf8') : '');
  });

  it('describes --no-git in the help, in English and German', () => {
    assert.match(drplan(['--help']).stdout, /--no-git +leave out the commits of git/);
    assert.match(drplan(['--help'], { ...process.env, LANG: 'de_DE.UTF-8' }).stdout, /--no-git/);
  });
});
