import { writeNamesAsExtensions } from '../../src/commands/natural/write-names-as-extensions';

/** What a digest stores for words that name people: each resolved name as `ext N`, every other word kept. */
const PEOPLE = [
  { extension: '101', firstName: 'Ben', lastName: 'Okafor' },
  { extension: '102', firstName: 'Chloé', lastName: 'Durand' },
  { extension: '103', firstName: 'Ben', lastName: 'Smith' },
];

describe('writeNamesAsExtensions', () => {
  it.each([
    ['yesterday calls for ben okafor', 'yesterday calls ext 101'],
    ['calls from chloe last week missed', 'calls ext 102 last week missed'],
    ["chloe's calls yesterday", 'ext 102 calls yesterday'],
    ['last workday durand and ben okafor', 'last workday ext 102 and ext 101'],
    ['number 4420, 4930 for chloe durand yesterday', 'number 4420, 4930 ext 102 yesterday'],
  ])('"%s" is stored as "%s"', (typed, stored) => {
    expect(writeNamesAsExtensions(typed, PEOPLE)).toBe(stored);
  });

  it('keeps words without a resolved name exactly as typed, an ambiguous name included', () => {
    expect(writeNamesAsExtensions('yesterday  ext 101', PEOPLE)).toBe('yesterday  ext 101');
    expect(writeNamesAsExtensions('yesterday calls for ben', PEOPLE)).toBe('yesterday calls for ben');
  });
});
