import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf } from '../../support/rulePlans';

/** HEAD (version "1") with a status and the approvals given (YAML lines under `approvals:`). */
const plan = (status: string, approvals = '') =>
  HEAD.replace('  version: "1"\n', `  version: "1"\n  status: ${status}\n${approvals ? `  approvals:\n${approvals}` : ''}`) +
  'contacts:\n  - { id: leitung, name: Geschäftsführung, deputy: it }\n  - { id: it, name: IT-Leitung }\nscenarios: []\n';

describe('approval-missing', () => {
  it('marks the status value of an approved plan without approvals, in German and English', () => {
    const text = plan('approved');
    assert.deepEqual(findings(text, 'approval-missing'), ['7:11 approved']);
    assert.deepEqual(messagesOf(text, 'approval-missing', 'de'), [
      'Der Plan hat den Status „approved“ (Freigegeben), aber kein Eintrag in „approvals“ gibt seine aktuelle Version „1“ frei: Wer hat sie wann freigegeben?',
    ]);
    assert.deepEqual(messagesOf(text, 'approval-missing', 'en'), [
      "The plan's status is 'approved', but no entry of 'approvals' approves its current version '1': who approved it, and when?",
    ]);
  });

  it('says which versions are approved when only earlier ones are', () => {
    const text = plan('approved', '    - { by: leitung, date: 2025-11-01, version: "0.9" }\n    - { by: leitung, date: 2026-01-01, version: 0.95 }\n');
    assert.deepEqual(findings(text, 'approval-missing'), ['7:11 approved']);
    assert.match(messagesOf(text, 'approval-missing', 'de')[0] ?? '', /Freigegeben sind nur die Versionen „0\.9“, „0\.95“\.$/);
    assert.match(messagesOf(text, 'approval-missing', 'en')[0] ?? '', /Only versions '0\.9', '0\.95' are approved\.$/);
  });

  it('is silent with an approval of the current version, named or left out (it then approves the current one)', () => {
    assert.deepEqual(findings(plan('approved', '    - { by: leitung, date: 2026-01-01, version: "1" }\n'), 'approval-missing'), []);
    assert.deepEqual(findings(plan('approved', '    - { by: leitung, date: 2025-01-01, version: "0.9" }\n    - { by: leitung, date: 2026-01-01 }\n'), 'approval-missing'), []);
    // The version as YAML reads it unquoted: "1" and 1 are the same version.
    assert.deepEqual(findings(plan('approved', '    - { by: leitung, date: 2026-01-01, version: 1 }\n'), 'approval-missing'), []);
  });

  it('asks nothing of a draft, a plan without status, or an approval whose version is of the wrong shape', () => {
    assert.deepEqual(findings(plan('draft'), 'approval-missing'), []);
    assert.deepEqual(findings(`${HEAD}scenarios: []\n`, 'approval-missing'), []);
    // `version: [1]` is the schema's finding; it approves no version, so the status is not covered.
    const wrongShape = plan('approved', '    - { by: leitung, date: 2026-01-01, version: [1] }\n');
    assert.deepEqual(findings(wrongShape, 'approval-missing'), ['7:11 approved']);
    assert.equal(findings(wrongShape, 'invalid-value').length, 1);
  });
});
