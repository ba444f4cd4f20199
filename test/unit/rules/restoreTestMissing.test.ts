import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf } from '../../support/rulePlans';

const scenario = (id: string, type: string, category: string, backup: string) =>
  `  - { id: ${id}, category: ${category}, type: ${type}, prevention: [a], recovery: [b], recovery_time: 1h, rto: 4h, rpo: 24h, backup: ${backup} }\n`;

describe('restore-test-missing', () => {
  it('names the backup once, with every scenario that relies on it, in German and English', () => {
    const text = `${HEAD}backups:\n  - id: snap\n    what: ZODB\n    method: volume-snapshot\n    interval: 4h\nscenarios:\n${scenario('storage', 'storage-server', 'hardware', 'snap')}${scenario('dateien', 'deleted-files', 'operator', 'snap')}`;
    assert.deepEqual(findings(text, 'restore-test-missing'), ['8:5 id: snap']);
    assert.deepEqual(messagesOf(text, 'restore-test-missing', 'de'), [
      'Die Sicherung „snap“ wurde nie zur Probe wiederhergestellt (kein „last_restore_test“): niemand weiß, ob sie sich wiederherstellen lässt. Die Szenarien „storage“, „dateien“ verlassen sich auf sie.',
    ]);
    assert.deepEqual(messagesOf(text, 'restore-test-missing', 'en'), [
      "The backup 'snap' has never been restored as a test (no 'last_restore_test'): nobody knows whether it can be restored. The scenarios 'storage', 'dateien' rely on it.",
    ]);
  });

  it('is silent for a backup with a restore test, also one a merge key brings in, and for one no scenario names', () => {
    const text =
      `${HEAD}x-tested: &tested { last_restore_test: 2026-10-01 }\n` +
      `backups:\n  - { id: snap, what: ZODB, method: volume-snapshot, interval: 4h, last_restore_test: 2026-10-01 }\n` +
      `  - { <<: *tested, id: offsite, what: ZODB, method: repozo, interval: 24h }\n` +
      `  - { id: archiv, what: Archiv, method: file-copy, interval: 1 w }\n` +
      `scenarios:\n${scenario('storage', 'storage-server', 'hardware', 'snap')}${scenario('rack', 'server-rack', 'hardware', 'offsite')}`;
    assert.deepEqual(findings(text, 'restore-test-missing'), []);
  });

  it('leaves a broken date to invalid-date, and an unknown backup to unknown-reference', () => {
    const text = `${HEAD}backups:\n  - { id: snap, what: ZODB, method: volume-snapshot, interval: 4h, last_restore_test: 01.10.2026 }\nscenarios:\n${scenario('storage', 'storage-server', 'hardware', 'snap')}${scenario('rack', 'server-rack', 'hardware', 'nirgends')}`;
    assert.deepEqual(findings(text, 'restore-test-missing'), []);
    assert.equal(findings(text, 'invalid-date').length, 1);
  });
});
