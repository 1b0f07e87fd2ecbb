import fc from 'fast-check';
import { escapeTeamsMarkdown } from '../../src/render/escape-teams-markdown';

describe('escapeTeamsMarkdown', () => {
  it.each([
    ['[click](http://evil.example)', '\\[click\\]\\(http://evil.example\\)'],
    ['**boss**', '\\*\\*boss\\*\\*'],
    ['_Anna_ ~~gone~~', '\\_Anna\\_ \\~\\~gone\\~\\~'],
    ['`code` # not a heading', '\\`code\\` \\# not a heading'],
    ['C:\\temp\\*', 'C:\\\\temp\\\\\\*'],
    ['<at>Boss</at> <http://evil.example>', '‹at›Boss‹/at› ‹http://evil.example›'],
    ['- first', '\\- first'],
    ['+ first', '\\+ first'],
    ['  12. first', '  12\\. first'],
    ['-', '\\-'],
    ['one\n- two\n3. three', 'one\n\\- two\n3\\. three'],
  ])('%j -> %j', (text, expected) => {
    expect(escapeTeamsMarkdown(text)).toBe(expected);
  });

  it.each([
    'Ben Okafor',
    '+442071234567',
    '-5 degrees',
    'Anne-Marie Dupont - Sales',
    '2026-11-20',
    '3.5 stars',
    'Tom & Jerry',
    'Müller, Zoë',
  ])('leaves %j as it is', (text) => {
    expect(escapeTeamsMarkdown(text)).toBe(text);
  });

  it('leaves no Markdown character unescaped, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const escaped = escapeTeamsMarkdown(text);
        expect(escaped).not.toMatch(/[<>]/);
        // Every markup character is preceded by an escaping backslash (an odd run of them).
        const unescaped = /(^|[^\\])(\\\\)*[*_[\]()~`#]/;
        expect(escaped).not.toMatch(unescaped);
        expect(escaped.replace(/\\(.)/gs, '$1').replace(/‹/g, '<').replace(/›/g, '>')).toBe(
          text.replace(/‹/g, '<').replace(/›/g, '>'),
        );
      }),
    );
  });
});
