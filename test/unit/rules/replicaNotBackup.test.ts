import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf } from '../../support/rulePlans';

const plan = (method: string, interval: string, category: string, type: string, rpo = '0') =>
  `${HEAD}backups:\n  - { id: repl, what: DB, method: ${method}, interval: ${interval}, last_restore_test: 2026-10-01 }\n` +
  `scenarios:\n  - { id: s, category: ${category}, type: ${type}, prevention: [a], recovery: [b], recovery_time: 1h, rto: 4h, rpo: ${rpo}, backup: repl }\n`;

describe('replica-not-backup', () => {
  it('marks a replication named by a software or operator scenario, in German and English', () => {
    assert.deepEqual(findings(plan('drbd', '0', 'operator', 'deleted-files'), 'replica-not-backup'), ['10:131 repl']);
    assert.deepEqual(messagesOf(plan('drbd', '0', 'operator', 'deleted-files'), 'replica-not-backup', 'de'), [
      '„repl“ ist eine Replikation (drbd), keine Sicherung: Sie kopiert das Löschen sofort mit und stellt den Stand davor nicht wieder her. Für dieses Szenario eine Sicherung nennen, die frühere Stände aufbewahrt.',
    ]);
    assert.deepEqual(messagesOf(plan('replication', '0', 'software', 'corrupt-filesystem'), 'replica-not-backup', 'en'), [
      "'repl' is a replication (replication), not a backup: it copies the corruption at once and cannot restore the state before it. Name a backup that keeps earlier states for this scenario.",
    ]);
  });

  it('lets a hardware scenario rely on a replication: RPO 0 through interval 0 is met', () => {
    const text = plan('replication', '0', 'hardware', 'storage-server');
    assert.deepEqual(findings(text, 'replica-not-backup'), []);
    assert.deepEqual(findings(text, 'rpo-not-met'), []);
    assert.deepEqual(findings(plan('relstorage-replication', '0', 'force-majeure', 'power-outage'), 'replica-not-backup'), []);
  });

  it('is silent for a backup that is no replication', () => {
    assert.deepEqual(findings(plan('database-dump', '1h', 'operator', 'deleted-data', '1h'), 'replica-not-backup'), []);
    assert.deepEqual(findings(plan('Galera-Replikation', '0', 'operator', 'deleted-data'), 'replica-not-backup'), []);
  });
});
