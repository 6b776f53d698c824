import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, initI18n, switchLocale } from '../i18n.js';
import { formatDate } from './format.js';
import { z } from 'zod';
import { fieldMessage } from '../components/useSchemaForm.js';
import { formatMinor, formatRelative, humanize, initials, majorToMinor, minorToMajor } from './format.js';
import { safeNext } from './session.js';

beforeAll(async () => {
  await initI18n();
});

describe('format', () => {
  it('humanizes field names', () => {
    expect(humanize('deactivatedAt')).toBe('Deactivated at');
    expect(humanize('partner_level')).toBe('Partner level');
  });

  it('speaks of times relative to now', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(formatRelative('2026-11-26T11:59:50Z', now)).toBe('just now');
    expect(formatRelative('2026-11-26T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-11-24T12:00:00Z', now)).toBe('2 days ago');
    expect(formatRelative('2026-12-26T12:00:00Z', now)).toBe('next month');
    expect(formatRelative(null)).toBe('—');
  });

  it('makes initials', () => {
    expect(initials('Ada  Lovelace King')).toBe('AL');
    expect(initials('  ')).toBe('?');
  });
});

describe('form messages', () => {
  it('puts the label before a predicate message from the shared schemas', () => {
    const issue = z.string().min(12, 'must be at least 12 characters').safeParse('short').error!.issues[0]!;
    expect(fieldMessage('Password', issue.message)).toBe('Password must be at least 12 characters');
    expect(fieldMessage('Password', 'Enter your password')).toBe('Enter your password');
    expect(fieldMessage(undefined, 'is required')).toBe('is required');
  });
});

describe('in German', () => {
  it('writes dates the Swiss way and times relative to now in German', async () => {
    await switchLocale('de');
    try {
      expect(i18n.language).toBe('de');
      expect(formatDate('2026-12-31T12:00:00Z')).toBe('31.12.2026');
      const now = Date.parse('2026-11-26T12:00:00Z');
      expect(formatRelative('2026-11-26T11:59:50Z', now)).toBe('gerade eben');
      expect(formatRelative('2026-11-26T11:55:00Z', now)).toBe('vor 5 Minuten');
    } finally {
      await switchLocale('en');
    }
  });
});

describe('safeNext', () => {
  it('only follows paths inside the app', () => {
    expect(safeNext('/users?role=admin')).toBe('/users?role=admin');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/sign-in')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

describe('money', () => {
  it('turns typed major units into exact minor units', () => {
    expect(majorToMinor('1234.5', 'CHF')).toBe(123450);
    expect(majorToMinor(0.1 + 0.2, 'EUR')).toBe(30);
    expect(majorToMinor(1234, 'USD')).toBe(123400);
    expect(majorToMinor("12'500.05", 'CHF')).toBe(1250005);
    expect(majorToMinor('', 'CHF')).toBeNull();
    expect(majorToMinor(null, 'CHF')).toBeNull();
    expect(majorToMinor('1.005', 'CHF')).toBeNaN();
    expect(majorToMinor('abc', 'CHF')).toBeNaN();
    expect(minorToMajor(123450, 'CHF')).toBe(1234.5);
  });

  it("shows minor units with the currency code in the reader's locale", async () => {
    expect(formatMinor(null, 'CHF')).toBe('—');
    await switchLocale('de');
    try {
      // ICU versions differ in the space and the apostrophe they use.
      expect(formatMinor(1250050, 'CHF')).toMatch(/^CHF\s12[’']500\.50$/);
    } finally {
      await switchLocale('en');
    }
  });
});
