import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart, isoToWall, wallToIso } from './zone.js';

describe('wall-clock time in a zone', () => {
  it('turns Zurich wall time into UTC, winter and summer', () => {
    expect(wallToIso('2026-01-15 14:00:00', 'Europe/Zurich')).toBe('2026-01-15T13:00:00.000Z');
    expect(wallToIso('2026-07-15 14:00', 'Europe/Zurich')).toBe('2026-07-15T12:00:00.000Z');
    expect(wallToIso('2026-07-15 14:00', 'America/New_York')).toBe('2026-07-15T18:00:00.000Z');
    expect(wallToIso('not a time', 'Europe/Zurich')).toBeNull();
  });

  it('handles the days the clocks change', () => {
    // 29 March 2026: 02:00 → 03:00 in Zurich; 25 October 2026: 03:00 → 02:00.
    expect(wallToIso('2026-03-29 01:30', 'Europe/Zurich')).toBe('2026-03-29T00:30:00.000Z');
    expect(wallToIso('2026-03-29 03:30', 'Europe/Zurich')).toBe('2026-03-29T01:30:00.000Z');
    expect(wallToIso('2026-10-25 04:00', 'Europe/Zurich')).toBe('2026-10-25T03:00:00.000Z');
  });

  it('shows instants as wall time and round-trips', () => {
    expect(isoToWall('2026-01-15T13:00:00.000Z', 'Europe/Zurich')).toBe('2026-01-15 14:00:00');
    expect(isoToWall('2026-07-15T23:30:00Z', 'Europe/Zurich')).toBe('2026-07-16 01:30:00');
    const wall = '2026-11-20 09:45:00';
    expect(isoToWall(wallToIso(wall, 'Asia/Kolkata')!, 'Asia/Kolkata')).toBe(wall);
  });

  it('gives the first and last instant of a day', () => {
    expect(dayStart('2026-07-15', 'Europe/Zurich')).toBe('2026-07-14T22:00:00.000Z');
    expect(dayEnd('2026-07-15', 'Europe/Zurich')).toBe('2026-07-15T21:59:59.999Z');
  });
});
