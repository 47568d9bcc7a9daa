import { describe, expect, it } from 'vitest';
import { formatCents, formatMoney, formatScore, formatTenths, toCents, toTenths } from './format';

describe('scores', () => {
  it.each([
    [8.9, '8.9/10'],
    [8, '8.0/10'],
    [10, '10.0/10'],
    [0, '0.0/10'],
  ])('%s → %s', (n, text) => expect(formatScore(n)).toBe(text));

  it('subtracts in whole tenths, so 8.2 − 8.0 is exactly 0.2', () => {
    expect(8.2 - 8.0).not.toBe(0.2); // the floating-point trap this guards against
    expect(toTenths(8.2) - toTenths(8.0)).toBe(2);
    expect(formatTenths(toTenths(8.2) - toTenths(8.0))).toBe('0.2');
    expect(formatTenths(toTenths(9.5) - toTenths(5.5))).toBe('4.0');
  });
});

describe('money', () => {
  it.each([
    [0.4, '$0.40'],
    [1.6, '$1.60'],
    [0, '$0.00'],
    [1234.5, '$1,234.50'],
    [1_000_000, '$1,000,000.00'],
    [1.005, '$1.01'],
  ])('%s → %s', (usd, text) => expect(formatMoney(usd)).toBe(text));

  it('rounds to cents half up despite binary noise', () => {
    expect(toCents(1.005)).toBe(101);
    expect(toCents(0.004)).toBe(0);
    expect(toCents(0.005)).toBe(1);
    expect(formatCents(-540)).toBe('-$5.40');
  });
});
