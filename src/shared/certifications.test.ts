import { describe, expect, it } from 'vitest';
import { deriveExpiry, effectiveExpiries, heldOn, type Holding } from './certifications.js';

const h = (id: string, userId: string, certificationId: string, obtainedOn: string, expiresOn: string | null): Holding => ({ id, userId, certificationId, obtainedOn, expiresOn });
// Cloud Practitioner ← Solutions Architect Associate ← Solutions Architect Professional.
const CHAIN = new Map([
  ['clf', ['saa']],
  ['saa', ['sap']],
]);

describe('deriveExpiry', () => {
  it('adds the validity in months, clamped to the end of the month; null validity never expires', () => {
    expect(deriveExpiry('2024-04-01', 24)).toBe('2026-04-01');
    expect(deriveExpiry('2024-01-31', 36)).toBe('2027-01-31');
    expect(deriveExpiry('2024-01-31', 1)).toBe('2024-02-29');
    expect(deriveExpiry('2023-11-30', 3)).toBe('2024-02-29');
    expect(deriveExpiry('2024-02-29', 12)).toBe('2025-02-28');
    expect(deriveExpiry('2024-05-10', null)).toBeNull();
  });
});

describe('effectiveExpiries', () => {
  it('follows a chain: the professional renews the associate, which renews the foundational', () => {
    const got = effectiveExpiries(
      [h('1', 'u', 'clf', '2022-01-10', '2025-01-10'), h('2', 'u', 'saa', '2023-03-01', '2026-03-01'), h('3', 'u', 'sap', '2025-06-15', '2028-06-15')],
      CHAIN,
    );
    expect(got.get('1')).toBe('2028-06-15');
    expect(got.get('2')).toBe('2028-06-15');
    expect(got.get('3')).toBe('2028-06-15');
  });

  it('a higher exam passed after the lower one expired does not renew it', () => {
    const got = effectiveExpiries([h('1', 'u', 'saa', '2020-01-10', '2023-01-10'), h('2', 'u', 'sap', '2024-02-01', '2027-02-01')], CHAIN);
    expect(got.get('1')).toBe('2023-01-10');
    // Passed on the very last valid day still counts (valid through the expiry day).
    const edge = effectiveExpiries([h('1', 'u', 'saa', '2020-01-10', '2023-01-10'), h('2', 'u', 'sap', '2023-01-10', '2026-01-10')], CHAIN);
    expect(edge.get('1')).toBe('2026-01-10');
  });

  it('another colleague’s higher exam renews nothing of mine', () => {
    const got = effectiveExpiries([h('1', 'me', 'saa', '2023-01-10', '2026-01-10'), h('2', 'you', 'sap', '2024-02-01', '2027-02-01')], CHAIN);
    expect(got.get('1')).toBe('2026-01-10');
  });

  it('a higher exam passed before the lower one does not move it, nor does an earlier-expiring one shorten it', () => {
    const earlier = effectiveExpiries([h('1', 'u', 'saa', '2024-05-01', '2027-05-01'), h('2', 'u', 'sap', '2024-01-01', '2027-01-01')], CHAIN);
    expect(earlier.get('1')).toBe('2027-05-01');
    const never = effectiveExpiries([h('1', 'u', 'saa', '2024-05-01', '2027-05-01'), h('2', 'u', 'sap', '2024-06-01', null)], CHAIN);
    expect(never.get('1')).toBeNull();
  });

  it('without renewal rules every holding keeps its own expiry', () => {
    const got = effectiveExpiries([h('1', 'u', 'cka', '2024-04-01', '2026-04-01')], new Map());
    expect(got.get('1')).toBe('2026-04-01');
  });
});

describe('heldOn', () => {
  it('is held from the day obtained through the expiry day', () => {
    expect(heldOn('2024-04-01', '2026-04-01', '2024-03-31')).toBe(false);
    expect(heldOn('2024-04-01', '2026-04-01', '2024-04-01')).toBe(true);
    expect(heldOn('2024-04-01', '2026-04-01', '2026-04-01')).toBe(true);
    expect(heldOn('2024-04-01', '2026-04-01', '2026-04-02')).toBe(false);
    expect(heldOn('2024-04-01', null, '2099-01-01')).toBe(true);
  });
});
