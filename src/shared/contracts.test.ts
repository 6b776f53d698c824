import { describe, expect, it } from 'vitest';
import { noticeDeadlineOf, noticeMessage, noticeSummary, termEndAfter, type NoticeTerms } from './contracts.js';

const terms = (t: Partial<NoticeTerms>): NoticeTerms => ({ endsOn: null, autoRenew: false, renewalTermMonths: null, noticePeriodCount: null, noticePeriodUnit: null, ...t });

describe('notice deadline', () => {
  it('counts months back to the same day, clamped to the end of a shorter month', () => {
    expect(noticeDeadlineOf('2027-05-31', 3, 'months')).toBe('2027-02-28');
    expect(noticeDeadlineOf('2027-06-29', 3, 'months')).toBe('2027-03-29');
    expect(noticeDeadlineOf('2027-12-31', 1, 'months')).toBe('2027-11-30');
    expect(noticeDeadlineOf('2027-01-15', 2, 'months')).toBe('2026-11-15');
  });

  it("keeps a month's last day the last day (end-of-month rule)", () => {
    expect(noticeDeadlineOf('2027-02-28', 3, 'months')).toBe('2026-11-30');
    expect(noticeDeadlineOf('2027-06-30', 3, 'months')).toBe('2027-03-31');
    expect(noticeDeadlineOf('2028-02-29', 1, 'months')).toBe('2028-01-31');
    expect(noticeDeadlineOf('2028-02-28', 1, 'months')).toBe('2028-01-28');
    expect(termEndAfter('2027-02-28', 12, 1)).toBe('2028-02-29');
    expect(termEndAfter('2027-02-28', 12, 2)).toBe('2029-02-28');
    expect(termEndAfter('2027-04-30', 1, 1)).toBe('2027-05-31');
    const renewing = terms({ endsOn: '2027-02-28', autoRenew: true, renewalTermMonths: 12, noticePeriodCount: 3, noticePeriodUnit: 'months' });
    expect(noticeSummary(renewing, '2026-11-30')).toMatchObject({ currentTermEnd: '2027-02-28', noticeDeadline: '2026-11-30' });
    expect(noticeSummary(renewing, '2026-12-01')).toMatchObject({ currentTermEnd: '2028-02-29', noticeDeadline: '2027-11-30' });
  });

  it('lands on 29 February in a leap year', () => {
    expect(noticeDeadlineOf('2028-05-31', 3, 'months')).toBe('2028-02-29');
    expect(noticeDeadlineOf('2028-03-31', 1, 'months')).toBe('2028-02-29');
    expect(noticeDeadlineOf('2029-03-31', 1, 'months')).toBe('2029-02-28');
    expect(noticeDeadlineOf('2028-03-30', 30, 'days')).toBe('2028-02-29');
    expect(noticeDeadlineOf('2029-03-30', 30, 'days')).toBe('2029-02-28');
  });

  it('counts days back across a year end', () => {
    expect(noticeDeadlineOf('2027-01-15', 30, 'days')).toBe('2026-12-16');
    expect(noticeDeadlineOf('2027-01-01', 1, 'days')).toBe('2026-12-31');
    expect(noticeDeadlineOf('2027-01-31', 0, 'days')).toBe('2027-01-31');
  });

  it('has none without an end date or without a notice period', () => {
    expect(noticeSummary(terms({ noticePeriodCount: 3, noticePeriodUnit: 'months' }), '2026-06-01')).toEqual({
      state: 'open_ended',
      currentTermEnd: null,
      noticeDeadline: null,
      daysToNotice: null,
    });
    expect(noticeSummary(terms({ endsOn: '2026-12-31' }), '2026-06-01')).toEqual({ state: 'ends', currentTermEnd: '2026-12-31', noticeDeadline: null, daysToNotice: null });
  });
});

describe('auto-renewal', () => {
  it('counts each term end from the original end date, so the 31st survives February', () => {
    expect([0, 1, 2].map((k) => termEndAfter('2025-01-31', 12, k))).toEqual(['2025-01-31', '2026-01-31', '2027-01-31']);
    expect([0, 1, 2, 3].map((k) => termEndAfter('2025-01-31', 1, k))).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
    expect(termEndAfter('2024-02-29', 12, 1)).toBe('2025-02-28');
    expect(termEndAfter('2024-02-29', 12, 4)).toBe('2028-02-29');
  });

  it('renews a yearly contract from 2025-01-31 to 2026-01-31 and 2027-01-31', () => {
    const c = terms({ endsOn: '2025-01-31', autoRenew: true, renewalTermMonths: 12, noticePeriodCount: 3, noticePeriodUnit: 'months' });
    expect(noticeSummary(c, '2024-06-01')).toMatchObject({ state: 'renews', currentTermEnd: '2025-01-31', noticeDeadline: '2024-10-31' });
    expect(noticeSummary(c, '2024-10-31')).toMatchObject({ currentTermEnd: '2025-01-31', noticeDeadline: '2024-10-31', daysToNotice: 0 });
    // The day after the deadline the contract is bound to the next term.
    expect(noticeSummary(c, '2024-11-01')).toMatchObject({ currentTermEnd: '2026-01-31', noticeDeadline: '2025-10-31', daysToNotice: 364 });
    expect(noticeSummary(c, '2025-11-01')).toMatchObject({ currentTermEnd: '2027-01-31', noticeDeadline: '2026-10-31' });
  });

  it('rolls over several terms so the deadline is never in the past', () => {
    const c = terms({ endsOn: '2020-03-31', autoRenew: true, renewalTermMonths: 6, noticePeriodCount: 1, noticePeriodUnit: 'months' });
    const s = noticeSummary(c, '2026-11-27');
    // 2020-03-31 + 6k months: … 2026-09-30 (deadline 2026-08-30, past), 2027-03-31 (deadline 2027-02-28).
    expect(s).toMatchObject({ state: 'renews', currentTermEnd: '2027-03-31', noticeDeadline: '2027-02-28', daysToNotice: 93 });
    // The choice of term is exact at every day around a deadline, also with a monthly term.
    const monthly = terms({ endsOn: '2019-01-31', autoRenew: true, renewalTermMonths: 1, noticePeriodCount: 30, noticePeriodUnit: 'days' });
    for (const today of ['2026-11-29', '2026-11-30', '2026-12-01', '2027-01-01', '2027-01-02']) {
      const r = noticeSummary(monthly, today);
      expect(r.noticeDeadline! >= today, today).toBe(true);
      // The previous term's deadline is already past: k is the smallest that works.
      const [y, m] = [Number(r.currentTermEnd!.slice(0, 4)), Number(r.currentTermEnd!.slice(5, 7))];
      const k = (y - 2019) * 12 + (m - 1);
      expect(noticeDeadlineOf(termEndAfter('2019-01-31', 1, k - 1), 30, 'days') < today, today).toBe(true);
    }
    expect(noticeSummary(monthly, '2026-12-01')).toMatchObject({ currentTermEnd: '2026-12-31', noticeDeadline: '2026-12-01' });
    expect(noticeSummary(monthly, '2026-12-02')).toMatchObject({ currentTermEnd: '2027-01-31', noticeDeadline: '2027-01-01' });
  });

  it('moves to the next term once the end date passes when there is no notice period', () => {
    const c = terms({ endsOn: '2026-03-31', autoRenew: true, renewalTermMonths: 12 });
    expect(noticeSummary(c, '2026-03-31')).toMatchObject({ currentTermEnd: '2026-03-31', noticeDeadline: null });
    expect(noticeSummary(c, '2026-04-01')).toMatchObject({ currentTermEnd: '2027-03-31', noticeDeadline: null });
  });
});

describe('what a Partner Manager reads', () => {
  it('says whether it renews, ends or ended, and when notice is due', () => {
    const renewing = noticeSummary(terms({ endsOn: '2027-05-31', autoRenew: true, renewalTermMonths: 12, noticePeriodCount: 3, noticePeriodUnit: 'months' }), '2027-02-01');
    expect(noticeMessage(renewing)).toEqual({ key: 'renewsUnless', end: '2027-05-31', deadline: '2027-02-28' });
    expect(renewing.daysToNotice).toBe(27);
    const renewsFreely = noticeSummary(terms({ endsOn: '2027-05-31', autoRenew: true, renewalTermMonths: 12 }), '2027-02-01');
    expect(noticeMessage(renewsFreely)).toEqual({ key: 'renews', end: '2027-05-31', deadline: null });
    const ending = noticeSummary(terms({ endsOn: '2027-05-31', noticePeriodCount: 30, noticePeriodUnit: 'days' }), '2027-05-01');
    expect(noticeMessage(ending)).toEqual({ key: 'endsNotice', end: '2027-05-31', deadline: '2027-05-01' });
    expect(ending.daysToNotice).toBe(0);
    const late = noticeSummary(terms({ endsOn: '2027-05-31', noticePeriodCount: 30, noticePeriodUnit: 'days' }), '2027-05-02');
    expect(noticeMessage(late).key).toBe('ends');
    const ended = noticeSummary(terms({ endsOn: '2025-12-31' }), '2026-01-01');
    expect(ended.state).toBe('ended');
    expect(noticeMessage(ended)).toMatchObject({ key: 'ended', end: '2025-12-31' });
    expect(noticeMessage(noticeSummary(terms({}), '2026-01-01')).key).toBe('openEnded');
  });
});
