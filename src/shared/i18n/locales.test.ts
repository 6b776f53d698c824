import { describe, expect, it } from 'vitest';
import { intlLocale, pickLocale } from './locales.js';

describe('pickLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['de-CH', 'de'],
    ['de-CH,de;q=0.9,en;q=0.8', 'de'],
    ['fr-CH, de;q=0.7, en;q=0.8', 'en'],
    ['fr-CH, de;q=0.9, en;q=0.8', 'de'],
    ['en;q=0.5, DE;q=0.6', 'de'],
    ['fr, it', 'en'],
    ['de;q=0, en', 'en'],
    ['*', 'en'],
    ['garbage;;;,', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});

describe('intlLocale', () => {
  it('formats German the Swiss way and English as the browser does, Swiss English when it has none', () => {
    expect(intlLocale('de', ['en-US'])).toBe('de-CH');
    expect(intlLocale('en', ['de-CH', 'en-US'])).toBe('en-US');
    expect(intlLocale('en', ['de-CH'])).toBe('en-CH');
    expect(intlLocale('en')).toBe('en-CH');
  });
});
