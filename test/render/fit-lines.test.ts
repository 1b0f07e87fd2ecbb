import { chunkLines, fitLines } from '../../src/render/fit-lines';
import { formatTextTable } from '../../src/render/format-text-table';

const more = (hidden: number) => `…and ${hidden} more`;

describe('fitLines', () => {
  it('keeps every line when they fit', () => {
    expect(fitLines(['a', 'b', 'c'], { maxChars: 5, maxItems: 3 }, more)).toEqual(['a', 'b', 'c']);
  });

  it('cuts to maxItems and says how many are hidden, counting entries never turned into lines', () => {
    expect(fitLines(['a', 'b', 'c'], { maxChars: 100, maxItems: 2, totalCount: 10 }, more)).toEqual([
      'a',
      'b',
      '…and 8 more',
    ]);
  });

  it('cuts to maxChars with the "more" line included in the budget', () => {
    const lines = Array.from({ length: 10 }, (_, index) => `line ${index}`);
    const fitted = fitLines(lines, { maxChars: 30, maxItems: 10 }, more);
    expect(fitted).toEqual(['line 0', 'line 1', '…and 8 more']);
    expect(fitted.join('\n').length).toBeLessThanOrEqual(30);
  });
});

describe('chunkLines', () => {
  it('groups lines into chunks of at most maxChars', () => {
    expect(chunkLines(['aaaa', 'bbbb', 'cccc'], 9)).toEqual(['aaaa\nbbbb', 'cccc']);
    expect(chunkLines(['a'.repeat(12)], 5)).toEqual(['aaaa…']);
  });
});

describe('formatTextTable', () => {
  it('aligns text left and numbers right, trimming trailing spaces', () => {
    expect(
      formatTextTable(
        [{ header: 'Ext' }, { header: 'Name' }, { header: 'Calls', align: 'right' }],
        [
          ['101', 'Ben Okafor', '3'],
          ['1002', 'Al', '120'],
        ],
      ),
    ).toEqual(['Ext   Name        Calls', '101   Ben Okafor      3', '1002  Al            120']);
  });
});
