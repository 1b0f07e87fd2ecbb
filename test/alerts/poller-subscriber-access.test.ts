import { AccessControl } from '../../src/access/access-control';
import { emptyAccessPolicy } from '../../src/access/access-policy';
import { createSubscriberAccessCheck } from '../../src/alerts/poller-subscriber-access';
import { silentLogger } from '../../src/core/logger';
import type { CreatorLookup, DigestCreatorResolver } from '../../src/schedule/digest-creator-resolver';
import type { DigestSchedule } from '../../src/schedule/digest-schedule';
import { type PollerTestBed, startPollerTestBed } from './poller-test-bed';

/**
 * The subscriber's access at every post, with the real access rules: the creator is looked up
 * afresh (here a resolver standing in for Slack's `users.info`) and their e-mail links them to the
 * demo company's extensions, so Ben (ben.okafor@example.com) is the agent of extension 101.
 */

const JANE = '+442079460123';
const MINUTE = 60_000;

/** users.info as a table the test changes: an e-mail, `gone`, or `failed`. */
class CreatorTable implements DigestCreatorResolver {
  readonly answers = new Map<string, string | 'gone' | 'failed'>();
  lookups = 0;

  async resolveCreator(schedule: DigestSchedule): Promise<CreatorLookup> {
    this.lookups += 1;
    const answer = this.answers.get(schedule.creator.id);
    if (answer === 'gone') return { kind: 'gone', reason: 'deactivated' };
    if (answer === 'failed' || answer === undefined) return { kind: 'failed', reason: 'Slack rate limit' };
    return {
      kind: 'found',
      user: { platform: 'slack', id: schedule.creator.id, timeZone: 'UTC', email: answer },
    };
  }
}

let bed: PollerTestBed;
let creators: CreatorTable;

beforeEach(async () => {
  bed = await startPollerTestBed();
  creators = new CreatorTable();
});
afterEach(async () => {
  await bed.close();
});

function accessCheck() {
  const rules = new AccessControl({
    policy: emptyAccessPolicy(),
    unmapped: 'none',
    getDirectory: () => bed.client.getDirectory(),
    logger: silentLogger,
  });
  return createSubscriberAccessCheck({ rules, creators: { slack: creators } });
}

function postedTo(subscriptionId: string, callKey: string): number {
  return bed.delivery.callsOf('post', subscriptionId).filter((call) => call.alert.call.callKey === callKey)
    .length;
}

it("posts within the creator's rights as they are at the post, looking them up once per poll", async () => {
  creators.answers.set('UBEN', 'ben.okafor@example.com');
  await bed.subscribe({ id: 'al0001', creator: { platform: 'slack', id: 'UBEN' }, extensions: ['101'] });
  // An agent subscribing to a queue they are not in is refused, as a report of it would be.
  await bed.subscribe({ id: 'al0002', creator: { platform: 'slack', id: 'UBEN' }, queues: ['800'] });
  const poller = bed.poller({ access: accessCheck() });
  const toBen = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '101' });
  const toSales = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: '+447700900456', to: '800' });
  bed.advance(2 * MINUTE);
  await poller.tick();
  expect(postedTo('al0001', toBen.callKey)).toBe(1);
  expect(postedTo('al0002', toSales.callKey)).toBe(0);
  expect(creators.lookups).toBe(2);

  // Ben's e-mail now links him to nobody: the next missed call of 101 is not posted.
  creators.answers.set('UBEN', 'ben@elsewhere.example');
  const again = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '101' });
  bed.advance(2 * MINUTE);
  await poller.tick();
  expect(postedTo('al0001', again.callKey)).toBe(0);
});

it('narrows a subscription without filters to the scope of its creator', async () => {
  creators.answers.set('UBEN', 'ben.okafor@example.com');
  await bed.subscribe({ id: 'al0001', creator: { platform: 'slack', id: 'UBEN' } });
  const toBen = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '101' });
  const toChloe = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '102' });
  bed.advance(2 * MINUTE);
  await bed.poller({ access: accessCheck() }).tick();
  expect(postedTo('al0001', toBen.callKey)).toBe(1);
  expect(postedTo('al0001', toChloe.callKey)).toBe(0);
  expect(
    bed.delivery
      .callsOf('post')
      .every((post) => post.alert.call.toDn === '101' || post.alert.call.fromNumber === '101'),
  ).toBe(true);
});

it('posts nothing for a creator who is gone, and waits for one who could not be looked up', async () => {
  creators.answers.set('UGONE', 'gone');
  creators.answers.set('UFLAKY', 'failed');
  await bed.subscribe({ id: 'al0001', creator: { platform: 'slack', id: 'UGONE' }, extensions: ['101'] });
  await bed.subscribe({ id: 'al0002', creator: { platform: 'slack', id: 'UFLAKY' }, extensions: ['101'] });
  const poller = bed.poller({ access: accessCheck() });
  const call = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '101' });
  bed.advance(2 * MINUTE);
  await poller.tick();
  expect(bed.delivery.callsOf('post')).toEqual([]);

  creators.answers.set('UFLAKY', 'ben.okafor@example.com');
  bed.advance(30_000);
  await poller.tick();
  expect(postedTo('al0001', call.callKey)).toBe(0);
  expect(postedTo('al0002', call.callKey)).toBe(1);
});

it('does not look anyone up while there is nothing to post', async () => {
  creators.answers.set('UBEN', 'ben.okafor@example.com');
  await bed.subscribe({ id: 'al0001', creator: { platform: 'slack', id: 'UBEN' }, extensions: ['555'] });
  const poller = bed.poller({ access: accessCheck() });
  await poller.tick();
  bed.advance(30_000);
  expect(await poller.tick()).toMatchObject({ kind: 'polled', posted: 0 });
  expect(creators.lookups).toBe(0);
});
