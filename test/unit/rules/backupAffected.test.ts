import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf } from '../../support/rulePlans';

const plan = (components: string, storedOn: string, affects: string) =>
  `${HEAD}components:\n${components}backups:\n  - { id: snap, what: ZODB, method: volume-snapshot, interval: 4h, stored_on: ${storedOn}, last_restore_test: 2026-10-01 }\n` +
  `scenarios:\n  - id: s\n    category: hardware\n    type: server-rack\n    affects: [${affects}]\n    backup: snap\n    prevention: [a]\n    recovery: [b]\n    recovery_time: 1h\n    rto: 4h\n    rpo: 4h\n`;

const COMPONENTS = `  - { id: rz, kind: site }
  - { id: rack, kind: server-rack, in: rz }
  - { id: storage, kind: storage-server, in: rack }
  - { id: nas, kind: backup-storage, in: rz }
`;

describe('backup-affected', () => {
  it('marks the backup when it is stored on an affected component, in German and English', () => {
    const text = plan(COMPONENTS, 'storage', 'storage');
    assert.deepEqual(findings(text, 'backup-affected'), ['19:13 snap']);
    assert.deepEqual(messagesOf(text, 'backup-affected', 'de'), [
      'Die Sicherung „snap“ liegt auf „storage“ und dieses Szenario lässt „storage“ ausfallen: Die Sicherung geht mit dem System verloren, das sie wiederherstellen soll.',
    ]);
    assert.deepEqual(messagesOf(text, 'backup-affected', 'en'), [
      "The backup 'snap' is stored on 'storage' and this scenario takes 'storage' down: the backup is lost with the system it should restore.",
    ]);
  });

  it('follows `in` at any depth, and names the way', () => {
    assert.deepEqual(messagesOf(plan(COMPONENTS, 'storage', 'rz'), 'backup-affected', 'de'), [
      'Die Sicherung „snap“ liegt auf „storage“, das in „rz“ steht (storage → rack → rz), und dieses Szenario lässt „rz“ ausfallen: Die Sicherung geht mit dem System verloren, das sie wiederherstellen soll.',
    ]);
    assert.deepEqual(findings(plan(COMPONENTS, 'nas', 'rz'), 'backup-affected'), ['19:13 snap']);
  });

  it('is silent when the backup lies outside what fails, or nothing says where it lies', () => {
    assert.deepEqual(findings(plan(COMPONENTS, 'nas', 'rack'), 'backup-affected'), []);
    assert.deepEqual(findings(plan(COMPONENTS, 'nas', 'storage'), 'backup-affected'), []);
    assert.deepEqual(findings(plan(COMPONENTS, 'nirgends', 'rack'), 'backup-affected'), []);
    assert.deepEqual(findings(plan(COMPONENTS, 'storage', 'nirgends'), 'backup-affected'), []);
  });

  it('does not hang on a cycle in `in`, nor on a component in itself', () => {
    const cycle = `  - { id: a, kind: server-rack, in: b }\n  - { id: b, kind: server-rack, in: a }\n  - { id: c, kind: storage-server, in: c }\n`;
    assert.deepEqual(findings(plan(cycle, 'a', 'b'), 'backup-affected'), ['18:13 snap']);
    assert.deepEqual(findings(plan(cycle, 'c', 'a'), 'backup-affected'), []);
  });
});
