/**
 * DRPLAN_SERVER_INSPECT (client/src/serverInspect.ts): a port from 1024 to 65535 starts the
 * server's inspector on 127.0.0.1 only; a host, more options or anything else is ignored (and
 * said in the output channel by client/src/serverProcess.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspectOption } from '../../client/src/serverInspect';

describe('DRPLAN_SERVER_INSPECT', () => {
  it('not set, or empty: no inspector, nothing to say', () => {
    assert.deepEqual(inspectOption(undefined), { execArgv: [], ignored: undefined });
    assert.deepEqual(inspectOption(''), { execArgv: [], ignored: undefined });
  });

  it('a port: the inspector on 127.0.0.1 at that port', () => {
    for (const [value, port] of [
      ['6011', 6011],
      ['1024', 1024],
      ['65535', 65535],
      ['09229', 9229],
    ] as const) {
      assert.deepEqual(inspectOption(value), { execArgv: ['--nolazy', `--inspect=127.0.0.1:${port}`], ignored: undefined }, value);
    }
  });

  it('a host, another option, a port out of range or not in digits: ignored, and said', () => {
    const refused = [
      '0.0.0.0:9229',
      'localhost:9229',
      '127.0.0.1:9229',
      '[::]:9229',
      '9229 --require=/tmp/x.js',
      '9229,9230',
      '1023',
      '0',
      '65536',
      '999999',
      '-9229',
      '+9229',
      ' 9229',
      '9229\n',
      '0x2405',
      '9.229e3',
      '９２２９',
    ];
    for (const value of refused) assert.deepEqual(inspectOption(value), { execArgv: [], ignored: value }, JSON.stringify(value));
  });
});
