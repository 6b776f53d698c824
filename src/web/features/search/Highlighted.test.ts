import { describe, expect, it } from 'vitest';
import { highlightText, parseHighlight } from './Highlighted.js';

describe('search highlight', () => {
  it('turns only <mark> into marks and unescapes the rest as text', () => {
    expect(parseHighlight('Petra <mark>Schneider</mark> &amp; Co')).toEqual([
      { text: 'Petra ', mark: false },
      { text: 'Schneider', mark: true },
      { text: ' & Co', mark: false },
    ]);
    // Escaped markup stays text, whatever it says.
    expect(parseHighlight('&lt;img src=x onerror=alert(1)&gt; <mark>x</mark>')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: 'x', mark: true },
    ]);
    expect(highlightText('<mark>Alpine</mark> Cloud')).toBe('Alpine Cloud');
  });
});
