import { Agent } from 'undici';
import type { RawCallLogRow } from '../../src/core/call-log-source';
import { silentLogger } from '../../src/core/logger';
import { CallLogFetcher } from '../../src/threecx/call-log-fetcher';
import { PbxHttp } from '../../src/threecx/pbx-http';
import { ClientCredentialsTokenProvider } from '../../src/threecx/token-provider';
import { XapiRequester } from '../../src/threecx/xapi-requester';
import { OLDEST_FIRST, V20_DAY } from '../helpers/fixtures/v20-shaped-rows';
import { type PagingCallLogServer, startPagingCallLogServer } from '../helpers/paging-call-log-server';
import { queryFor } from './demo-helpers';

/**
 * The legs path asks for a window's next page as soon as the page before it has arrived, while
 * that page is still being read; the rows view does not (its reader may be slow). Seen from the
 * PBX's side: which pages it was asked for while the reader holds the first one.
 */
let server: PagingCallLogServer;
let dispatcher: Agent;
let fetcher: CallLogFetcher;

beforeAll(async () => {
  server = await startPagingCallLogServer({ rows: [], order: 'oldest-first' });
  dispatcher = new Agent({ connections: 4 });
  const http = new PbxHttp({
    baseUrl: server.url,
    dispatcher,
    requestTimeoutMs: 10_000,
    maxResponseBytes: 1024 * 1024,
    retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    logger: silentLogger,
    now: Date.now,
    sleep: async () => {},
    random: Math.random,
    secrets: () => [server.clientSecret],
  });
  const tokens = new ClientCredentialsTokenProvider({
    http,
    clientId: server.clientId,
    clientSecret: server.clientSecret,
    now: Date.now,
    logger: silentLogger,
  });
  fetcher = new CallLogFetcher({
    requester: new XapiRequester(http, tokens),
    pageSize: 2,
    minWindowMs: 5 * 60_000,
    rowCap: 20_000,
    logger: silentLogger,
  });
});

afterAll(async () => {
  await dispatcher.close();
  await server.close();
});

const DAY = { startMs: Date.parse(`${V20_DAY}T00:00:00Z`), endMs: Date.parse(`${V20_DAY}T23:59:59Z`) };
const QUERY = queryFor(`${V20_DAY}T00:00:00Z`, `${V20_DAY}T23:59:59Z`);
const cdrIds = (rows: readonly RawCallLogRow[]) => rows.map((row) => String(row.CdrId)).sort();
const skipsAsked = () => server.requests.map((request) => request.skip);

/** Lets the loopback PBX see whatever the client has sent by now. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('asking for the next page while one is read', () => {
  it('legs: while the reader holds page 1, the PBX has been asked for page 2 and no further; every row once, no page wasted', async () => {
    server.load({ rows: OLDEST_FIRST, order: 'oldest-first' });
    const pages = fetcher.streamWindowItems(DAY, QUERY, new AbortController().signal, (row) => row);
    const first = await pages.next();
    await settle();
    // Page 1's answer began with its count (7 rows), so page 2 was asked before page 1 was parsed.
    expect(skipsAsked()).toEqual([0, 2]);
    const second = await pages.next();
    await settle();
    expect(skipsAsked()).toEqual([0, 2, 4]);
    const rows = [first, second].flatMap((page) => (page.done ? [] : page.value.items));
    for await (const page of pages) rows.push(...page.items);
    expect(cdrIds(rows)).toEqual(cdrIds(OLDEST_FIRST));
    // The same pages as reading them one after another (the rows view) asks for: none wasted.
    const askedAhead = skipsAsked();
    server.load({ rows: OLDEST_FIRST, order: 'oldest-first' });
    for await (const _ of fetcher.streamWindowPages(DAY, QUERY, new AbortController().signal));
    expect(askedAhead).toEqual(skipsAsked());
  });

  it('the rows view: the PBX is asked for nothing while its reader holds a page', async () => {
    server.load({ rows: OLDEST_FIRST, order: 'oldest-first' });
    const pages = fetcher.streamWindowPages(DAY, QUERY, new AbortController().signal);
    await pages.next();
    await pages.next();
    await settle();
    expect(skipsAsked()).toEqual([0, 2]);
    await pages.return(undefined);
  });

  it('a PBX that serves fewer rows than $top: the next page is guessed from the last one, one request wasted at most', async () => {
    server.load({ rows: OLDEST_FIRST, order: 'newest-first', pageCap: 1 });
    const rows: RawCallLogRow[] = [];
    for await (const page of fetcher.streamWindowItems(
      DAY,
      QUERY,
      new AbortController().signal,
      (row) => row,
    )) {
      rows.push(...page.items);
    }
    expect(cdrIds(rows)).toEqual(cdrIds(OLDEST_FIRST));
    // Only the first guess (a full page of 2 after page 0) can be wrong: it is aborted, maybe after
    // it reached the PBX; from then on each page is guessed from the last one's length.
    const skips = skipsAsked();
    const rowsAt = Array.from({ length: OLDEST_FIRST.length }, (_, row) => row);
    expect(skips.filter((skip, index) => !(skip === 2 && index === 1))).toEqual(rowsAt);
  });

  it('a reader that stops: nothing after the page asked ahead is asked', async () => {
    server.load({ rows: OLDEST_FIRST, order: 'oldest-first' });
    const pages = fetcher.streamWindowItems(DAY, QUERY, new AbortController().signal, (row) => row);
    await pages.next();
    await pages.next();
    await pages.return(undefined);
    await settle();
    // Page 4 was asked ahead when page 2 arrived; aborted, it may or may not have reached the PBX.
    expect(skipsAsked().slice(0, 2)).toEqual([0, 2]);
    expect(skipsAsked().filter((skip) => skip > 4)).toEqual([]);
  });
});
