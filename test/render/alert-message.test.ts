import { type AdaptiveCard, measureCardBytes, TEAMS_CARD_MAX_BYTES } from '../../src/render/adaptive-card';
import { renderAlertSlack } from '../../src/render/alert-slack';
import { type AlertCard, renderAlertTeams } from '../../src/render/alert-teams';
import { renderAlertText } from '../../src/render/alert-text';
import { formatReturnedAfter, toAlertView } from '../../src/render/alert-view';
import {
  alertSubscription,
  claimedAlert,
  JANE,
  postedAlert,
  returnedAlert,
} from '../alerts/alert-message-fixtures';
import { expectWithinSlackLimits } from '../helpers/slack-block-limits';

const SUBSCRIPTION = alertSubscription();
const slackOf = (alert = postedAlert(), masked = false) =>
  renderAlertSlack(toAlertView(SUBSCRIPTION, alert, masked));
const teamsOf = (alert = postedAlert(), masked = false) =>
  renderAlertTeams(toAlertView(SUBSCRIPTION, alert, masked));
/** Every text of a card's body, in order (TextBlocks and fact titles and values). */
const cardTexts = (card: AlertCard): string[] =>
  card.body.flatMap((element) =>
    element.type === 'TextBlock'
      ? [element.text]
      : element.type === 'FactSet'
        ? element.facts.map((fact) => `${fact.title}: ${fact.value}`)
        : [],
  );

describe('the alert message in Slack', () => {
  it('shows the caller, the number with its Call link, when, where, how long, and "I\'ll call back"', () => {
    const message = slackOf();
    expect(message.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Missed call from Jane Caller*\n+442079460123 · <tel:+442079460123|Call>',
        },
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*When*\nMon 2 Nov 10:14 (Europe/Berlin)' },
          { type: 'mrkdwn', text: '*Ended at*\n800 Sales' },
          { type: 'mrkdwn', text: '*Waited*\n42s' },
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Nobody is calling back yet.' }] },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'alert_claim',
            text: { type: 'plain_text', text: "I'll call back", emoji: true },
            value: `k3m9qa:${JANE.callKey}`,
            style: 'primary',
          },
        ],
      },
    ]);
    expect(message.text).toBe(
      'Missed call from Jane Caller (+442079460123), Mon 2 Nov 10:14. Nobody is calling back yet.',
    );
    expectWithinSlackLimits({ ...message });
  });

  it('names the claimer (a Slack mention) and offers Release instead', () => {
    const message = slackOf(claimedAlert());
    expect(JSON.stringify(message.blocks)).toContain('<@U0BEN00101> is calling back.');
    expect(message.text).toContain('<@U0BEN00101> is calling back.');
    const actions = message.blocks.find((block) => block.type === 'actions');
    expect(actions).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'alert_release',
          text: { type: 'plain_text', text: 'Release', emoji: true },
          value: `k3m9qa:${JANE.callKey}`,
        },
      ],
    });
  });

  it('once returned says by whom and how much later, with no buttons', () => {
    const message = slackOf(returnedAlert());
    expect(message.blocks.find((block) => block.type === 'context')).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '✓ returned by Ben Okafor 12 min later' }],
    });
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it('masked: neither the number nor a tel: link, and numbers inside the name are masked too', () => {
    const alert = postedAlert({ call: { ...JANE, fromName: 'Jane +44 20 7946 0123 Caller' } });
    const message = slackOf(alert, true);
    const all = JSON.stringify(message);
    expect(all).not.toContain('tel:');
    expect(all).not.toContain('7946');
    expect(all).not.toMatch(/\|Call>/);
    expect(message.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Missed call from Jane +44 20•• ••0123 Caller*\n+44 20•• ••0123' },
    });
  });

  it('escapes what the PBX sends: no mention, link or broadcast from a caller name', () => {
    const alert = postedAlert({
      call: { ...JANE, fromName: '<!channel> <https://evil.example|click> & co', toName: 'Sales <@U0BOSS>' },
    });
    const all = JSON.stringify(slackOf(alert));
    expect(all).toContain('&lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; co');
    expect(all).toContain('800 Sales &lt;@U0BOSS&gt;');
    expect(all).not.toContain('<!channel>');
  });

  it('a withheld number: no number, no Call link, said in words', () => {
    const message = slackOf(postedAlert({ call: { ...JANE, fromNumber: 'anonymous', fromName: '' } }));
    expect(message.blocks[0]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Missed call from an unknown caller*\n_No number: the caller withheld it_',
      },
    });
    expect(JSON.stringify(message)).not.toContain('tel:');
  });

  it('stays within Block Kit limits whatever the PBX sends', () => {
    const long = 'N'.repeat(5000);
    const alert = claimedAlert({
      call: { ...JANE, fromName: long, toName: long, fromNumber: `+44${'1'.repeat(3000)}` },
      claimedBy: { platform: 'teams', id: 'x', name: long },
    });
    const message = slackOf(alert);
    expectWithinSlackLimits({ ...message });
    expect(message.text.length).toBeLessThan(1000);
  });
});

describe('the alert card in Teams', () => {
  it('has the title, the number with [Call](tel:…), the facts, the state and the button', () => {
    const card = teamsOf();
    expect(cardTexts(card)).toEqual([
      'Missed call from Jane Caller',
      '+442079460123 · [Call](tel:+442079460123)',
      'When: Mon 2 Nov 10:14 (Europe/Berlin)',
      'Ended at: 800 Sales',
      'Waited: 42s',
      'Nobody is calling back yet.',
    ]);
    expect(card.actions).toEqual([
      {
        type: 'Action.Submit',
        title: "I'll call back",
        data: { action: 'alert_claim', value: `k3m9qa:${JANE.callKey}` },
        style: 'positive',
      },
    ]);
    expect(card.fallbackText).toBe('Missed call from Jane Caller');
    expect(card.version).toBe('1.5');
  });

  it('claimed: the claimer by name and Release; returned: no buttons', () => {
    const claimed = teamsOf(claimedAlert());
    expect(cardTexts(claimed)).toContain('Ben Okafor is calling back.');
    expect(claimed.actions?.map((action) => action.title)).toEqual(['Release']);
    const returned = teamsOf(returnedAlert());
    expect(cardTexts(returned)).toContain('✓ returned by Ben Okafor 12 min later');
    expect(returned.actions).toBeUndefined();
  });

  it('masked: no number, no Call link', () => {
    const card = teamsOf(postedAlert(), true);
    expect(cardTexts(card)[1]).toBe('+44 20•• ••0123');
    expect(JSON.stringify(card)).not.toContain('tel:');
  });

  it('escapes Markdown in names and keeps under the card size limit', () => {
    const card = teamsOf(
      claimedAlert({
        call: { ...JANE, fromName: '[Pay here](https://evil.example) **now**', toName: 'Sales_Team' },
        claimedBy: { platform: 'teams', id: 'aad', name: '*Chloé*' },
      }),
    );
    const texts = cardTexts(card);
    expect(texts[0]).toBe('Missed call from \\[Pay here\\]\\(https://evil.example\\) \\*\\*now\\*\\*');
    expect(texts).toContain('Ended at: 800 Sales\\_Team');
    expect(texts).toContain('\\*Chloé\\* is calling back.');
    expect(measureCardBytes(card as AdaptiveCard)).toBeLessThan(TEAMS_CARD_MAX_BYTES);
  });
});

describe('the alert as text (the playground, logs)', () => {
  it('writes the same lines, the Call link as its tel: URI and the button in brackets', () => {
    expect(renderAlertText(toAlertView(SUBSCRIPTION, postedAlert(), false))).toBe(
      [
        'Missed call from Jane Caller',
        '+442079460123 · Call: tel:+442079460123',
        'When: Mon 2 Nov 10:14 (Europe/Berlin)',
        'Ended at: 800 Sales',
        'Waited: 42s',
        'Nobody is calling back yet.',
        "[I'll call back]",
      ].join('\n'),
    );
  });

  it('in the subscription’s zone: the same call reads 09:14 in London', () => {
    const london = alertSubscription({ timeZone: 'Europe/London' });
    expect(renderAlertText(toAlertView(london, postedAlert(), false))).toContain(
      'When: Mon 2 Nov 09:14 (Europe/London)',
    );
  });
});

describe('formatReturnedAfter', () => {
  it.each([
    [20, 'within a minute'],
    [12 * 60 + 10, '12 min later'],
    [65 * 60, '1 h 05 min later'],
    [3 * 3600, '3 h later'],
    [3 * 86_400, '3 days later'],
  ])('%i s: %s', (seconds, text) => {
    expect(formatReturnedAfter(seconds)).toBe(text);
  });
});
