/**
 * How long the event loop is held while the client reads a 10 MB answer it must not choke on:
 * nested as deep as it is long (from the token endpoint, and from Users/Queues), and 10 MB of
 * small nested elements (Users/Queues). A local server on 127.0.0.1 (`test/helpers/`) serves the
 * answer; `monitorEventLoopDelay` runs while the client reads it, and the maximum delay over
 * `repeats` reads is reported (target < 100 ms). Prints a table and a `RESULT` JSON line.
 * `node --require tsx/cjs bench/nested-answer.ts [repeats]`
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { limitHeapGrowth } from '../src/limit-heap-growth';
import { XapiClient } from '../src/threecx/xapi-client';
import {
  buildNestedAnswer,
  type FixedAnswer,
  startFixedAnswerServer,
} from '../test/helpers/fixed-answer-server';
import { printResult } from './lib/run-bench-child';

const TEN_MB = 10 * 1024 * 1024;

interface Case {
  name: string;
  answer: FixedAnswer;
}

/** `{"value":[{"a":[{},{}],"b":"x"}, …]}` of about `bytes`: many small elements, each nested a little. */
function buildWideAnswer(bytes: number): Buffer {
  const element = '{"Id":1,"Number":"101","a":[{"b":[{}]},{}]}';
  return Buffer.from(
    `{"value":[${Array(Math.floor(bytes / (element.length + 1)))
      .fill(element)
      .join(',')}]}`,
  );
}

async function measure(
  answer: FixedAnswer,
  repeats: number,
): Promise<{ maxDelayMs: number; outcome: string }> {
  const server = await startFixedAnswerServer(answer);
  let maxDelayMs = 0;
  let outcome = '';
  try {
    for (let run = 0; run < repeats; run++) {
      const client = new XapiClient({
        baseUrl: server.url,
        clientId: server.clientId,
        clientSecret: server.clientSecret,
      });
      const histogram = monitorEventLoopDelay({ resolution: 1 });
      histogram.enable();
      try {
        const directory = await client.getDirectory();
        outcome = `read (${directory.users.length} users)`;
      } catch (error) {
        outcome = `refused: ${(error as Error).message.replace(/^The PBX answered 200 to /, '')}`;
      }
      histogram.disable();
      maxDelayMs = Math.max(maxDelayMs, histogram.max / 1e6);
      await client.close();
    }
  } finally {
    await server.close();
  }
  return { maxDelayMs, outcome };
}

async function main(): Promise<void> {
  limitHeapGrowth();
  const repeats = Number(process.argv[2] ?? 3);
  const cases: Case[] = [
    {
      name: 'token endpoint, 10 MB nested',
      answer: { body: buildNestedAnswer(TEN_MB, 'token'), tokenToo: true },
    },
    { name: 'Users/Queues, 10 MB nested', answer: { body: buildNestedAnswer(TEN_MB, 'value') } },
    { name: 'Users/Queues, 10 MB of small nested elements', answer: { body: buildWideAnswer(TEN_MB) } },
  ];
  const results = [];
  console.log('| answer | event loop delay, max (ms) | outcome |');
  console.log('|---|---:|---|');
  for (const { name, answer } of cases) {
    const { maxDelayMs, outcome } = await measure(answer, repeats);
    console.log(`| ${name} | ${maxDelayMs.toFixed(0)} | ${outcome} |`);
    results.push({ name, maxDelayMs, outcome });
  }
  printResult({ repeats, cases: results });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
