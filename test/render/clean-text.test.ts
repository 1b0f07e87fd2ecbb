import { cleanText } from '../../src/render/clean-text';

describe('cleanText', () => {
  it('removes every bidi control and keeps ZWJ and ZWNJ', () => {
    const controls = ['\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e'];
    const isolates = ['\u2066', '\u2067', '\u2068', '\u2069'];
    for (const control of [...controls, ...isolates]) {
      expect([control.codePointAt(0), cleanText(`+44${control}2071234567 Jane${control}`)]).toEqual([
        control.codePointAt(0),
        '+442071234567 Jane',
      ]);
    }
    expect(cleanText('\u202e Zo\u200cë \u{1F469}\u200d\u{1F4BB} \u2069')).toBe(
      'Zo\u200cë \u{1F469}\u200d\u{1F4BB}',
    );
  });

  it('still turns control characters into spaces', () => {
    expect(cleanText('Jane\nCaller\t\u001b[31m')).toBe('Jane Caller  [31m');
  });
});
