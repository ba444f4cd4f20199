import type { Locale } from '../types';

const GROUP_SEPARATOR: Record<Locale, string> = { de: '.', en: ',' };
const DECIMAL_SEPARATOR: Record<Locale, string> = { de: ',', en: '.' };

/**
 * A number as German and English readers write it, as `Intl.NumberFormat` (de-DE, en-GB) does:
 * 2.880 and 99,5 (de), 2,880 and 99.5 (en), with at most `maximumFractionDigits` digits after the
 * point, rounded half away from zero, trailing zeros dropped.
 *
 * Written out rather than asked of Intl: the first Intl call reads ICU's locale data, which then
 * stays in the server's resident memory (about 6 MB, measured with the 2,000-scenario plan,
 * whose diagnostics end with a count) for a few digits.
 */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 0): string {
  // Intl rounds the shortest decimal that reads back as the number (1.005 → 1,01), not its binary
  // value as toFixed does (1.00).
  const shortest = String(Math.abs(value));
  // An exponent (∞, NaN, 1e21 and beyond, 1e-7 and below): Intl knows best.
  if (!/^\d+(\.\d+)?$/.test(shortest)) {
    return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits }).format(value);
  }
  const [whole = '', fraction = ''] = shortest.split('.');
  let digits = whole + fraction.slice(0, maximumFractionDigits).padEnd(maximumFractionDigits, '0');
  if ((fraction[maximumFractionDigits] ?? '0') >= '5') digits = (BigInt(digits) + 1n).toString().padStart(digits.length, '0');
  const integerPart = digits.slice(0, digits.length - maximumFractionDigits).replace(/^0+(?=\d)/, '') || '0';
  let fractionEnd = digits.length;
  while (fractionEnd > digits.length - maximumFractionDigits && digits[fractionEnd - 1] === '0') fractionEnd--;
  const fractionPart = digits.slice(digits.length - maximumFractionDigits, fractionEnd);
  // Intl keeps the sign of a negative number that rounds to zero ("-0").
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const grouped = groupedByThousands(integerPart, GROUP_SEPARATOR[locale]);
  return fractionPart ? `${sign}${grouped}${DECIMAL_SEPARATOR[locale]}${fractionPart}` : `${sign}${grouped}`;
}

/** 1234567 → 1.234.567 (a loop: a pattern that looks ahead to the end is quadratic in the digits). */
function groupedByThousands(digits: string, separator: string): string {
  let result = digits.slice(0, digits.length % 3 || 3);
  for (let i = result.length; i < digits.length; i += 3) result += separator + digits.slice(i, i + 3);
  return result;
}
