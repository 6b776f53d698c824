import { describe, expect, it } from 'vitest';
import { formatBytes } from './document.js';

describe('file sizes as people read them', () => {
  it('uses binary units and the language’s number and byte words', () => {
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(150 * 1024 + 300)).toBe('150 KB');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(3)).toBe('3 bytes');
    expect(formatBytes(3, 'de-CH')).toBe('3 Byte');
    expect(formatBytes(1536, 'de-CH')).toBe('1.5 KB');
    expect(formatBytes(1536, 'de-DE')).toBe('1,5 KB');
  });
});
