import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatNumber } from '../../server/src/core/i18n/numbers';

const intl = (value: number, locale: 'de' | 'en', digits: number) =>
  new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits }).format(value);

describe('numbers as readers write them', () => {
  it('groups thousands and writes the decimal separator of the language', () => {
    assert.equal(formatNumber(2880, 'de'), '2.880');
    assert.equal(formatNumber(2880, 'en'), '2,880');
    assert.equal(formatNumber(1_234_567, 'de'), '1.234.567');
    assert.equal(formatNumber(480, 'de'), '480');
    assert.equal(formatNumber(99.5, 'de', 2), '99,5');
    assert.equal(formatNumber(99.5, 'en', 2), '99.5');
    assert.equal(formatNumber(1234.567, 'de', 2), '1.234,57');
    assert.equal(formatNumber(0.125, 'en', 2), '0.13');
    assert.equal(formatNumber(2.5, 'de'), '3');
    assert.equal(formatNumber(-0.001, 'en', 2), '-0');
    assert.equal(formatNumber(1.005, 'de', 2), '1,01');
    assert.equal(formatNumber(999.995, 'en', 2), '1,000');
  });

  it('writes every number as Intl.NumberFormat does (de-DE, en-GB)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: false }), fc.integer(), fc.double({ min: -1e7, max: 1e7 }), fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 1000)),
        fc.constantFrom<'de' | 'en'>('de', 'en'),
        fc.integer({ min: 0, max: 3 }),
        (value, locale, digits) => {
          assert.equal(formatNumber(value, locale, digits), intl(value, locale, digits));
        },
      ),
      { numRuns: 20000 },
    );
  });
});
