import type { CallLeg } from '../../src/core/call-leg';
import { LegsRecording } from '../../src/threecx/legs-recording';
import { buildLeg } from '../helpers/build-leg';

function legsOf(prefix: string, count: number): CallLeg[] {
  return Array.from({ length: count }, (_, index) =>
    buildLeg({ callKey: `${prefix}-${index}`, segmentId: index, startMs: 1_700_000_000_000 + index * 1000 }),
  );
}

async function readAll(recording: LegsRecording): Promise<CallLeg[][]> {
  const pages: CallLeg[][] = [];
  const tally = { skippedRows: 0 };
  for await (const page of recording.openReader(tally, () => {}).pages()) pages.push(page);
  return pages;
}

describe('LegsRecording', () => {
  it('gives the first reader the pages as appended, and a later one equal legs of its own', async () => {
    const recording = new LegsRecording();
    const first = legsOf('a', 3);
    const second = legsOf('b', 2);
    recording.append(first, 0);
    recording.append(second, 1);
    recording.finish();
    const taken = await readAll(recording);
    expect(taken).toHaveLength(2);
    expect(taken[0]).toBe(first);
    expect(taken[1]).toBe(second);
    const replayed = (await readAll(recording)).flat();
    expect(replayed).toEqual([...first, ...second]);
    for (const [index, leg] of replayed.entries()) expect(leg).not.toBe([...first, ...second][index]);
  });

  it('follows a fetch in progress page by page, and a reader after it replays everything', async () => {
    const recording = new LegsRecording();
    const first = legsOf('a', 2);
    recording.append(first, 0);
    const early = recording
      .openReader({ skippedRows: 0 }, () => {})
      .pages()
      [Symbol.asyncIterator]();
    expect((await early.next()).value).toBe(first);
    const later = legsOf('b', 2);
    recording.append(later, 0);
    expect((await early.next()).value).toBe(later);
    recording.finish();
    expect((await early.next()).done).toBe(true);
    expect((await readAll(recording)).flat()).toEqual([...first, ...later]);
  });
});
