import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core';
import { FIXTURES, read, TODAY } from '../../support/fixtures';

/**
 * Two plans in other organisations' styles (test/fixtures/styles/): a Landkreis with sites,
 * racks and a Galera replication, a medical practice with a NAS. Clean as written (no false
 * positive on RPO 0 through the replication, none on a review due today); each claim made
 * untrue gives exactly the finding its author would expect, and nothing else.
 */

const LANDKREIS = read(join(FIXTURES, 'styles', 'landkreis-replication.drplan.yaml'));
const PRAXIS = read(join(FIXTURES, 'styles', 'praxis-nas.drplan.yaml'));

/** The findings but `untested`, as `code line`, checked on `today`. */
function findings(text: string, today: Date = TODAY): string[] {
  return analyze(text, { today })
    .diagnostics('en')
    .filter((d) => d.code !== 'untested')
    .map((d) => `${d.code} ${d.range.start.line + 1}`);
}

const lineOf = (text: string, needle: string, after = '') => text.slice(0, text.indexOf(needle, text.indexOf(after))).split('\n').length;

/** `text` with `from` replaced by `to` after `after`. */
function changed(text: string, from: string, to: string, after = ''): string {
  const at = text.indexOf(from, text.indexOf(after));
  assert.ok(at >= 0, from);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('plans in other styles', () => {
  it('are clean as written: RPO 0 through a replication, a review due today', () => {
    assert.deepEqual(findings(LANDKREIS), []);
    assert.deepEqual(findings(PRAXIS), []);
  });

  it('Landkreis: the review is overdue the day after it falls due', () => {
    assert.deepEqual(findings(LANDKREIS, new Date('2026-11-30')), [`review-overdue ${lineOf(LANDKREIS, 'last_review')}`]);
  });

  it('Landkreis: deleted data restored from the replica is a replica-not-backup', () => {
    const text = changed(LANDKREIS, 'backup: dump', 'backup: galera-replikation', 'id: geloeschte-daten');
    assert.deepEqual(findings(text), [`replica-not-backup ${lineOf(text, 'backup: galera-replikation', 'id: geloeschte-daten')}`]);
  });

  it('Landkreis: a power outage of the second site takes the replica with it', () => {
    const text = changed(LANDKREIS, 'affects: [rz-kreishaus]', 'affects: [rz-nord]');
    assert.deepEqual(findings(text), [`backup-affected ${lineOf(text, 'backup: galera-replikation', 'id: strom')}`]);
  });

  it('Praxis: the NAS failure restored from the snapshots on the NAS is a backup-affected', () => {
    const text = changed(PRAXIS, 'backup: usb-sicherung', 'backup: snapshots', 'id: nas\n    category');
    assert.deepEqual(findings(text), [`backup-affected ${lineOf(text, 'backup: snapshots', 'id: nas\n    category')}`]);
  });

  it('Praxis: a scenario left out without a reason, and one neither covered nor left out', () => {
    const text = changed(PRAXIS, '      reason: Keine Virtualisierung; die Praxissoftware läuft direkt auf dem NAS.\n', '');
    assert.deepEqual(findings(text), [`missing-field ${lineOf(text, '- type: vm-server')}`]);
    const left = changed(PRAXIS, '    - type: server-rack\n      reason: Kein Rack; das NAS steht im abschließbaren Technikschrank.\n', '');
    assert.deepEqual(findings(left), [`missing-scenario ${lineOf(left, 'scenarios:')}`]);
  });

  it('Praxis: a failed restore test and a date typed into the future', () => {
    const failed = changed(PRAXIS, 'result: passed', 'result: failed');
    assert.deepEqual(findings(failed), [`exercise-failed ${lineOf(failed, 'result: failed')}`]);
    const typo = changed(PRAXIS, 'last_review: 2026-02-14', 'last_review: 2062-02-14');
    assert.deepEqual(findings(typo), [`future-date ${lineOf(typo, 'last_review')}`]);
  });
});
