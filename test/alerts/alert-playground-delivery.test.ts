import { routeAlertDelivery } from '../../src/alerts/route-alert-delivery';
import { answerPlaygroundAlertButton } from '../../src/playground/playground-alert-buttons';
import { createPlaygroundAlertDelivery } from '../../src/playground/playground-alert-delivery';
import { PLAYGROUND_CONVERSATION, PlaygroundChannel } from '../../src/playground/playground-channel';
import { type AlertButtonsBed, startAlertButtonsBed } from './alert-buttons-setup';
import { alertSubscription, claimedAlert, JANE, postedAlert } from './alert-message-fixtures';

const SUBSCRIPTION = alertSubscription({
  target: { platform: 'playground', conversationId: PLAYGROUND_CONVERSATION.id },
});
const NOW = new Date('2026-11-02T09:15:00Z');

describe("the playground's alert delivery", () => {
  it('posts into the channel view, redraws the same post in place, and reminds below it', async () => {
    const channel = new PlaygroundChannel();
    channel.add({ kind: 'typed', text: 'alerts missed queue 800' }, NOW);
    let now = NOW;
    const delivery = createPlaygroundAlertDelivery(channel, () => now);

    const ref = await delivery.post(SUBSCRIPTION, postedAlert({ message: undefined }), false);
    expect(ref).toEqual({ messageId: '2' });
    const [, posted] = channel.list();
    expect(posted).toMatchObject({ kind: 'alert', id: 2, subscriptionId: 'k3m9qa' });
    expect(posted?.kind === 'alert' && posted.result.text).toContain(
      '+442079460123 · Call: tel:+442079460123',
    );

    now = new Date(NOW.getTime() + 5 * 60_000);
    await delivery.update(SUBSCRIPTION, claimedAlert({ message: ref }), false);
    const posts = channel.list();
    expect(posts.map((post) => post.id)).toEqual([1, 2]);
    const redrawn = posts[1];
    expect(redrawn?.kind === 'alert' && redrawn.result.text).toContain('Ben Okafor is calling back.');
    // Redrawn five minutes later, it still shows the time it was posted at.
    expect(redrawn?.kind === 'alert' && redrawn.result.answeredAt).toBe(NOW.toISOString());
    // A page that has seen post 2 gets it again, as revised; one that has seen the revision does not.
    expect(channel.list(2).map((post) => post.id)).toEqual([2]);
    expect(channel.list(redrawn?.revisedId).map((post) => post.id)).toEqual([]);

    await delivery.remind(SUBSCRIPTION, claimedAlert({ message: ref }));
    const reminder = channel.list().at(-1);
    expect(reminder?.kind).toBe('alert-reminder');
    expect(reminder?.kind === 'alert-reminder' && reminder.result.text).toBe(
      'Reminder: Ben Okafor took this call-back at Mon 2 Nov 10:20 and no return to Jane Caller has been seen yet. Release it if you cannot call back.',
    );
  });

  it('fails with a short reason when the post is no longer kept', async () => {
    const delivery = createPlaygroundAlertDelivery(new PlaygroundChannel(), () => NOW);
    await expect(
      delivery.update(SUBSCRIPTION, claimedAlert({ message: { messageId: '7' } }), false),
    ).rejects.toThrow('the alert is no longer in the playground channel');
  });
});

describe('the alert router', () => {
  it('hands each alert to its platform, and names a platform that is not connected', async () => {
    const channel = new PlaygroundChannel();
    const deliveries = {};
    const router = routeAlertDelivery(deliveries);
    await expect(router.post(SUBSCRIPTION, postedAlert(), false)).rejects.toThrow(
      'The playground is not configured for this bot',
    );
    Object.assign(deliveries, { playground: createPlaygroundAlertDelivery(channel, () => NOW) });
    expect(await router.post(SUBSCRIPTION, postedAlert(), false)).toEqual({ messageId: '1' });
    await expect(router.remind(alertSubscription(), claimedAlert())).rejects.toThrow(
      'Slack is not configured for this bot',
    );
  });
});

describe("the playground's alert buttons", () => {
  let bed: AlertButtonsBed;
  let channel: PlaygroundChannel;
  beforeEach(async () => {
    bed = await startAlertButtonsBed();
    channel = new PlaygroundChannel();
    bed.deliveries.playground = createPlaygroundAlertDelivery(channel, () => new Date());
  });
  afterEach(() => bed.close());

  it('the playground user (an admin) claims, the post is redrawn; a second claim is told it is theirs', async () => {
    await bed.postAlert(SUBSCRIPTION);
    const user = { platform: 'web' as const, id: 'playground', timeZone: 'Europe/Berlin' };
    const value = `${SUBSCRIPTION.id}:${JANE.callKey}`;
    expect(
      await answerPlaygroundAlertButton(bed.buttons, { actionId: 'alert_claim', value }, user),
    ).toBeUndefined();
    const post = channel.list()[0];
    expect(post?.kind === 'alert' && post.result.text).toContain('The playground user is calling back.');
    expect(await answerPlaygroundAlertButton(bed.buttons, { actionId: 'alert_claim', value }, user)).toBe(
      'You are already calling back this caller.',
    );
    expect(
      await answerPlaygroundAlertButton(bed.buttons, { actionId: 'alert_claim', value: 'nonsense' }, user),
    ).toBe("That button's data could not be read, so nothing was changed.");
  });
});
