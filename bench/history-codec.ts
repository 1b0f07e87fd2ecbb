/**
 * The stored-history codec (issue 20, `src/history/day-legs-layout.ts`): reads one UTC weekday of a
 * demo PBX with 2,000 calls a day (in its own process) through the XAPI client, then encodes and
 * decodes it. Prints bytes per leg, encode and decode ms (median of timed runs after a warm-up),
 * the ms to decode 100,000 legs (the day's blob decoded again and again, a page of 1,000 at a time,
 * as reports read them), and one `RESULT` JSON line.
 * `node --require tsx/cjs bench/history-codec.ts [callsPerDay]`
 */
import { performance } from 'node:perf_hooks';
import type { CallLeg } from '../src/core/call-leg';
import { DEFAULT_CALL_LOG_PARAMETERS } from '../src/core/report-request';
import { decodeDayLegPages, decodeDayLegs } from '../src/history/decode-day-legs';
import { encodeDayLegs } from '../src/history/encode-day-legs';
import { limitHeapGrowth } from '../src/limit-heap-growth';
import { XapiClient } from '../src/threecx/xapi-client';
import { printResult, readPeakRssMb } from './lib/run-bench-child';
import { spawnDemoPbx } from './lib/spawn-demo-pbx';

const DAY_MS = 86_400_000;
const WARM_UP_RUNS = 3;
const TIMED_RUNS = 11;
const DECODE_LEGS = 100_000;
const PAGE_SIZE = 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median ms of `run` over the timed runs, after the warm-up runs. */
function time(run: () => void): number {
  for (let index = 0; index < WARM_UP_RUNS; index++) run();
  const times: number[] = [];
  for (let index = 0; index < TIMED_RUNS; index++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** The latest UTC day before yesterday that is a Tuesday, Wednesday or Thursday (a full weekday). */
function aWeekday(nowMs: number): Date {
  let day = Math.floor(nowMs / DAY_MS) - 2;
  while (![2, 3, 4].includes(new Date(day * DAY_MS).getUTCDay())) day--;
  return new Date(day * DAY_MS);
}

async function main(): Promise<void> {
  limitHeapGrowth();
  const callsPerDay = Number(process.argv[2] ?? 2000);
  const pbx = await spawnDemoPbx({ callsPerDay, days: 10 });
  const client = new XapiClient({ baseUrl: pbx.url, clientId: pbx.clientId, clientSecret: pbx.clientSecret });
  const from = aWeekday(Date.now());
  const legs: CallLeg[] = [];
  try {
    for await (const leg of client.streamLegs({
      from,
      to: new Date(from.getTime() + DAY_MS),
      callLog: DEFAULT_CALL_LOG_PARAMETERS,
    })) {
      legs.push(leg);
    }
  } finally {
    await client.close();
    pbx.stop();
  }

  const bytes = encodeDayLegs(legs);
  const encodeMs = time(() => encodeDayLegs(legs));
  const decodeMs = time(() => decodeDayLegs(bytes));
  const blobsFor100k = Math.ceil(DECODE_LEGS / legs.length);
  let decodedLegs = 0;
  const decode100kMs = time(() => {
    decodedLegs = 0;
    for (let blob = 0; blob < blobsFor100k; blob++) {
      for (const page of decodeDayLegPages(bytes, PAGE_SIZE)) decodedLegs += page.length;
    }
  });
  const bytesPerLeg = bytes.length / legs.length;
  const peakRssMb = readPeakRssMb();
  const day = from.toISOString().slice(0, 10);
  console.log('| day | legs | bytes | bytes/leg | encode ms | decode ms | decode legs | ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${day} | ${legs.length} | ${bytes.length} | ${bytesPerLeg.toFixed(1)} | ${encodeMs.toFixed(1)} | ` +
      `${decodeMs.toFixed(1)} | ${decodedLegs} | ${decode100kMs.toFixed(1)} |`,
  );
  printResult({
    day,
    callsPerDay,
    legs: legs.length,
    bytes: bytes.length,
    bytesPerLeg,
    encodeMs,
    decodeMs,
    decodedLegs,
    decode100kMs,
    peakRssMb,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
