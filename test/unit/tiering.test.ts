import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { tieringFlags } from '../../server/src/tiering';

describe('the language server’s TurboFan budget (tiering.ts)', () => {
  it('is three times V8 11’s interrupt budget under V8 11, and left alone from V8 12 on', () => {
    assert.deepEqual(tieringFlags('11.3.244.8-node.33'), ['--interrupt-budget=405504']);
    assert.deepEqual(tieringFlags('11.8.172.17-node.15'), ['--interrupt-budget=405504']);
    assert.deepEqual(tieringFlags('12.4.254.21-node.57'), []);
    assert.deepEqual(tieringFlags('13.2.152.41-electron.0'), []);
    assert.deepEqual(tieringFlags('10.2.154.26-node.26'), []);
  });

  it('sets only flags the V8 of this Node knows, at run time and as options alike', () => {
    const flags = tieringFlags(process.versions.v8);
    const set = spawnSync(process.execPath, ['-e', `for (const flag of ${JSON.stringify(flags)}) require('node:v8').setFlagsFromString(flag)`], { encoding: 'utf8' });
    assert.equal(set.status, 0);
    assert.equal(set.stderr, '', 'V8 complained about a flag');
    const asOptions = spawnSync(process.execPath, [...flags, '-e', '0'], { encoding: 'utf8' });
    assert.equal(asOptions.status, 0, asOptions.stderr);
  });
});
