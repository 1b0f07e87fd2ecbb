import { classifyLegType, isAnsweredStatus, parseDirection } from '../../src/report/leg-kinds';

describe('leg kinds', () => {
  it.each([
    [undefined, 'person'],
    ['', 'person'],
    ['Extension', 'person'],
    ['External', 'person'],
    ['Voicemail', 'person'],
    ['Queue', 'queue'],
    ['queue', 'queue'],
    ['System', 'system'],
    ['Digital Receptionist', 'system'],
    [' digital receptionist ', 'system'],
  ])('classifies CallType %p as %s', (legType, role) => {
    expect(classifyLegType(legType)).toBe(role);
  });

  it.each([
    ['Inbound', 'inbound'],
    ['Inbound Queue', 'inbound'],
    ['Outbound', 'outbound'],
    ['Internal', 'internal'],
    ['INTERNAL', 'internal'],
    ['', undefined],
    [undefined, undefined],
    ['Unknown', undefined],
  ])('reads Direction %p as %p', (direction, expected) => {
    expect(parseDirection(direction)).toBe(expected);
  });

  it('reads Status "Answered" in any case, and nothing else, as answered', () => {
    expect(
      ['Answered', 'answered', 'Unanswered', 'Waiting', 'Redirected', '', undefined].map(isAnsweredStatus),
    ).toEqual([true, true, false, false, false, false, false]);
  });
});
