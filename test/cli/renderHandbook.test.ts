/**
 * The emergency handbook as an auditor receives it (issue 15): a plan in another organisation's
 * style with every field of the handbook, in a git repository with two commits, rendered by
 * `drplan render` to a PDF/A whose text holds each chapter, the approvals, the distribution,
 * both commit subjects and the short hash of the commit it was made from.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FIXTURES, ROOT, TODAY_ISO } from '../support/fixtures';
import { FIRST_SUBJECT, planRepository, SECOND_SUBJECT, shortHash } from '../support/gitRepositories';

const CLI = join(ROOT, 'dist', 'cli.js');
const LANDKREIS = join(FIXTURES, 'styles', 'landkreis-replication.drplan.yaml');

describe('drplan render: the handbook of the Landkreis plan from git', () => {
  const repository = planRepository({ example: LANDKREIS });
  after(() => rmSync(repository.folder, { recursive: true, force: true }));
  const output = join(dirname(repository.plan), 'notfallhandbuch.pdf');
  const rendered = spawnSync(process.execPath, [CLI, 'render', '--today', TODAY_ISO, '-o', output, repository.plan], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  const text = () => execFileSync('pdftotext', [output, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

  it('is written without errors', () => {
    assert.equal(rendered.status, 0, rendered.stderr);
  });

  it('is a PDF/A-2b in German', () => {
    const info = execFileSync('pdfinfo', [output], { encoding: 'utf8' });
    assert.match(info, /PDF subtype: +PDF\/A-2b/);
    assert.match(execFileSync('pdfinfo', ['-meta', output], { encoding: 'utf8' }), /<dc:language>[\s\S]*de-DE/);
  });

  it('holds each chapter of the handbook, the approvals and the distribution', () => {
    const said = text();
    for (const chapter of ['Lenkung des Dokuments', 'Freigaben', 'Verteiler', 'Änderungshistorie', 'Alarmierung und Eskalation', 'Eskalationsstufen', 'Kontakte und Vertretungen', 'Notbetrieb', 'Meldepflichten', 'Notfallkarte']) {
      assert.ok(said.includes(chapter), chapter);
    }
    assert.ok(said.includes('Freigabe durch die Fachbereichsleitung'), 'the approval');
    assert.ok(said.includes('Fachbereichsleitung Zentrale Dienste'), 'who approved');
    assert.ok(said.includes('Leitstand Ausweichrechenzentrum Nord (gedruckt)'), 'the distribution');
    assert.ok(said.includes('binnen 72 Stunden'), 'the duty to report');
  });

  it('lists both commits and names the commit it was made from', () => {
    const said = text();
    assert.ok(said.includes(FIRST_SUBJECT) && said.includes(SECOND_SUBJECT), 'both subjects');
    const head = shortHash(repository.folder, 'HEAD');
    assert.ok(said.includes(`Erstellt aus Commit ${head}`), head);
  });
});
