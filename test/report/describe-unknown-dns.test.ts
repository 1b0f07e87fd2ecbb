import type { Directory } from '../../src/core/directory';
import { describeUnknownDns } from '../../src/report/describe-unknown-dns';

const DIRECTORY: Directory = {
  users: [
    { number: '101', firstName: 'Ben', lastName: 'Okafor' },
    { number: '102', firstName: 'Chloé', lastName: 'Durand' },
  ],
  queues: [{ number: '800', name: 'Sales' }],
};

describe('describeUnknownDns', () => {
  it('says nothing when every number is on the PBX', () => {
    expect(describeUnknownDns({ extensions: ['101', '102'], queues: ['800'] }, DIRECTORY)).toEqual([]);
  });

  it('names each extension and queue the PBX does not have, in number order', () => {
    expect(
      describeUnknownDns({ extensions: ['555', '101', '123', '555'], queues: ['900'] }, DIRECTORY),
    ).toEqual([
      'ext 123 is not an extension on this PBX.',
      'ext 555 is not an extension on this PBX.',
      'queue 900 is not a queue on this PBX.',
    ]);
  });

  it('says which kind a number is when it was asked for as the other', () => {
    expect(describeUnknownDns({ extensions: ['800'], queues: ['101'] }, DIRECTORY)).toEqual([
      'ext 800 is not an extension on this PBX: 800 is the queue Sales, so say queue 800.',
      'queue 101 is not a queue on this PBX: 101 is the extension of Ben Okafor, so say ext 101.',
    ]);
  });
});
