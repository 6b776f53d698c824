import { describe, expect, it } from 'vitest';
import { describeUserAgent } from './sessions.presenter.js';

describe('describeUserAgent', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox 128 on Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome 131 on macOS'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome 131 on Android'],
    ['Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1', 'Safari 17 on iPad'],
    ['curl/8.5.0', 'curl 8.5.0'],
    ['python-requests/2.32.3', 'python-requests 2.32.3'],
  ])('names %s as "%s"', (ua, expected) => {
    expect(describeUserAgent(ua)).toBe(expected);
  });

  it('says "Unknown device" without a user agent, and keeps odd ones short and to plain characters', () => {
    expect(describeUserAgent(null)).toBe('Unknown device');
    expect(describeUserAgent('   ')).toBe('Unknown device');
    expect(describeUserAgent('<script>alert(1)</script>')).toBe('scriptalert1 script');
    expect(describeUserAgent(`x${'y'.repeat(500)}`)).toHaveLength(80);
  });
});
