import { type BucketRun, boundRun, countRuns, pageRuns } from '../../src/demo/row-selection';

/** The bucket row indices a page serves, in order. */
function servedIndices(page: BucketRun[], descending: boolean): Array<[number, number]> {
  const served: Array<[number, number]> = [];
  for (const run of page) {
    for (let step = 0; step < run.to - run.from; step += 1) {
      served.push([run.dayNumber, run.indices[descending ? run.to - 1 - step : run.from + step]!]);
    }
  }
  return served;
}

describe('row selection', () => {
  const startMs = new Float64Array([10, 20, 20, 30, 40, 40, 50]);

  it('bounds a run to the rows starting in [fromMs, toMs], both ends inclusive', () => {
    const all = new Uint32Array([0, 1, 2, 3, 4, 5, 6]);
    expect(boundRun(all, startMs, 20, 40)).toEqual({ from: 1, to: 6 });
    expect(boundRun(all, startMs, 21, 39)).toEqual({ from: 3, to: 4 });
    expect(boundRun(all, startMs, 0, 9)).toEqual({ from: 0, to: 0 });
    expect(boundRun(all, startMs, 51, 99)).toEqual({ from: 7, to: 7 });
    const some = new Uint32Array([0, 2, 5, 6]);
    expect(boundRun(some, startMs, 20, 40)).toEqual({ from: 1, to: 3 });
  });

  const runs: BucketRun[] = [
    { dayNumber: 1, indices: new Uint32Array([0, 1, 2, 3]), from: 1, to: 4 },
    { dayNumber: 2, indices: new Uint32Array([5, 7, 9]), from: 0, to: 3 },
    { dayNumber: 3, indices: new Uint32Array([4]), from: 0, to: 1 },
  ];
  const ascending: Array<[number, number]> = [
    [1, 1],
    [1, 2],
    [1, 3],
    [2, 5],
    [2, 7],
    [2, 9],
    [3, 4],
  ];

  it('counts the rows of all runs', () => {
    expect(countRuns(runs)).toBe(7);
    expect(countRuns([])).toBe(0);
  });

  it('pages across runs in both orders for every skip and top', () => {
    const descending = [...ascending].reverse();
    for (let skip = 0; skip <= 8; skip += 1) {
      for (const top of [undefined, 0, 1, 2, 3, 5, 10]) {
        const end = top === undefined ? undefined : skip + top;
        expect(servedIndices(pageRuns(runs, false, skip, top), false)).toEqual(ascending.slice(skip, end));
        expect(servedIndices(pageRuns(runs, true, skip, top), true)).toEqual(descending.slice(skip, end));
      }
    }
  });
});
