import { tokenizeCommand } from '../../src/commands/tokenize-command';
import { unescapeCommandText } from '../../src/commands/unescape-command-text';

const words = (text: string) => tokenizeCommand(text).map((token) => token.raw);

describe('tokenizeCommand', () => {
  test.each([
    ['  last   week  ', ['last', 'week']],
    ['ext 101,102', ['ext', '101', ',', '102']],
    ['2026-11-01..2026-11-15', ['2026-11-01', '..', '2026-11-15']],
    ['2026-11-01-2026-11-15', ['2026-11-01', '-', '2026-11-15']],
    ['2026-11-03', ['2026-11-03']],
    ['nov 1-15', ['nov', '1', '-', '15']],
    ['nov 1–nov 15', ['nov', '1', '–', 'nov', '15']],
    ['monday-friday', ['monday', '-', 'friday']],
    ['nov 1- nov 15', ['nov', '1', '-', 'nov', '15']],
    ['+44-20-7123-4567', ['+44-20-7123-4567']],
    ['filter="Answered eq true" rows', ['filter="Answered eq true"', 'rows']],
    ["orderby='StartTime desc'", ["orderby='StartTime desc'"]],
    ['top = 10', ['top=10']],
    ['top =10 rows', ['top=10', 'rows']],
    ['top= 10', ['top=10']],
    ['"+44 20 7123"', ['"+44 20 7123"']],
  ])('%s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  test('options carry their key (lower-case, no $) and unquoted value', () => {
    expect(tokenizeCommand('$Filter="a = \'b c\'"')[0]!.option).toEqual({
      key: 'filter',
      value: "a = 'b c'",
    });
    expect(tokenizeCommand("source='O'Brien'")[0]!.option).toEqual({ key: 'source', value: "O'Brien" });
    expect(tokenizeCommand('source=""')[0]!.option).toEqual({ key: 'source', value: '' });
    expect(tokenizeCommand('select=A,B')[0]!.option).toEqual({ key: 'select', value: 'A,B' });
  });

  test('an unclosed quote runs to the end and is marked', () => {
    const [token] = tokenizeCommand('filter="Answered eq true rows');
    expect(token!.option).toEqual({ key: 'filter', value: 'Answered eq true rows' });
    expect(token!.unclosedQuote).toBe(true);
  });

  test('split pieces are attached to the previous token', () => {
    expect(tokenizeCommand('101,102').map((token) => token.attached)).toEqual([false, true, true]);
  });
});

describe('unescapeCommandText', () => {
  test.each([
    ['&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;', '<b> & "x" \'y\''],
    ['<p>last week</p>', ' last week '],
    ['<div class="x">a</div><br/>b', ' a  b'],
    ['<at>Calls</at> today', '<at>Calls</at> today'],
    ['&lt;p&gt;today&lt;/p&gt;', '<p>today</p>'],
    ['a&nbsp;b&#160;c&#xA0;d', 'a b c d'],
    ['\u201cStartTime desc\u201d \u2018x\u2019', '"StartTime desc" \'x\''],
    ['ext <tel:+4420|+44 20>', 'ext +44 20'],
    ['&bogus; &#0; &#xD800;', '&bogus; &#0; &#xD800;'],
  ])('%j', (text, expected) => {
    expect(unescapeCommandText(text)).toBe(expected);
  });
});
