import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldMessage } from './form.js';
import { formatRelative, humanize, initials, plural } from './format.js';
import { safeNext } from './session.js';

// The formatters follow the browser's (here: the process's) locale; the wording below is English.
const english = new Intl.RelativeTimeFormat().resolvedOptions().locale.startsWith('en');

describe('format', () => {
  it('humanizes field names', () => {
    expect(humanize('deactivatedAt')).toBe('Deactivated at');
    expect(humanize('partner_level')).toBe('Partner level');
  });

  it.runIf(english)('speaks of times relative to now', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(formatRelative('2026-11-26T11:59:50Z', now)).toBe('just now');
    expect(formatRelative('2026-11-26T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-11-24T12:00:00Z', now)).toBe('2 days ago');
    expect(formatRelative('2026-12-26T12:00:00Z', now)).toBe('next month');
    expect(formatRelative(null)).toBe('—');
  });

  it('makes initials and plurals', () => {
    expect(initials('Ada  Lovelace King')).toBe('AL');
    expect(initials('  ')).toBe('?');
    expect(plural(1, 'user')).toBe('1 user');
    expect(plural(26, 'user')).toBe('26 users');
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
