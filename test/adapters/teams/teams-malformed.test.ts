import { MAX_COMMAND_CHARS } from '../../../src/adapters/teams/handle-teams-turn';
import { buildChannelMention, buildPersonalMessage } from '../../helpers/teams-activities';
import { cardOf, textsOf } from '../../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../../helpers/teams-test-bed';

let bed: TeamsTestBed;

beforeAll(async () => {
  bed = await startTeamsTestBed();
});

afterAll(async () => {
  await bed?.close();
});

async function replyTo(activity: Record<string, unknown>): Promise<string[]> {
  return textsOf(cardOf((await bed.ask(activity)).activity));
}

describe('Teams /api/messages with malformed or unusual input', () => {
  it.each([
    ['not JSON', '{"type": "message",', 400, 'The body is not JSON.'],
    [
      'a JSON array',
      '[]',
      400,
      'Not a Bot Framework activity: activity: Invalid input: expected object, received array',
    ],
    [
      'an object without type',
      '{}',
      400,
      'Not a Bot Framework activity: type: Invalid input: expected string, received undefined',
    ],
  ])('answers %s with %s', async (_name, body, status, error) => {
    const response = await bed.post(body);
    expect(response).toEqual({ status, body: JSON.stringify({ error }) });
  });

  it('answers 400 to a message without a sender, without serviceUrl, or with non-text text, and sends nothing', async () => {
    const serviceUrl = bed.connector.serviceUrl;
    const before = bed.connector.calls.length;
    const cases: [Record<string, unknown>, string][] = [
      [buildPersonalMessage(serviceUrl, { from: undefined }), 'from: a message needs a sender'],
      [
        buildPersonalMessage(serviceUrl, { serviceUrl: undefined }),
        'serviceUrl: Invalid input: expected string, received undefined',
      ],
      [
        buildPersonalMessage(serviceUrl, { text: 42 }),
        'text: Invalid input: expected string, received number',
      ],
      [
        buildPersonalMessage(serviceUrl, { recipient: { name: 'Calls' } }),
        'recipient.id: Invalid input: expected string, received undefined',
      ],
    ];
    for (const [activity, problem] of cases) {
      expect(await bed.post(activity)).toEqual({
        status: 400,
        body: JSON.stringify({ error: `Not a Bot Framework activity: ${problem}` }),
      });
    }
    await bed.settle();
    expect(bed.connector.calls.length).toBe(before);
  });

  it('answers 413 to a body over 512 KiB', async () => {
    const activity = buildPersonalMessage(bed.connector.serviceUrl, { text: 'x'.repeat(600 * 1024) });
    expect((await bed.post(activity)).status).toBe(413);
  });

  it('answers a message without text (an attachment only) with the usage', async () => {
    const texts = await replyTo(
      buildPersonalMessage(bed.connector.serviceUrl, {
        text: undefined,
        attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/a.png' }],
      }),
    );
    expect(texts.join('\n')).toContain('last week');
  });

  it('answers an @mention with nothing after it as `summary today`', async () => {
    const texts = await replyTo(buildChannelMention(bed.connector.serviceUrl, ''));
    expect(texts[0]).toBe('Sun 29 Nov 2026 00:00–05:00 (America/New_York)');
  });

  it('answers huge text with a short error, without asking the PBX', async () => {
    const before = bed.pbx.requests.length;
    const text = 'last week '.repeat(10_000);
    const texts = await replyTo(buildPersonalMessage(bed.connector.serviceUrl, { text }));
    expect(texts).toEqual([
      `⚠️ That message is too long to be a command \\(${text.trim().length} characters; at most ${MAX_COMMAND_CHARS}\\).`,
      'Try: last week ext 101',
    ]);
    expect(bed.pbx.requests.length).toBe(before);
  });

  it('survives junk entities and an unknown time zone: falls back to DEFAULT_TIMEZONE (UTC)', async () => {
    const texts = await replyTo(
      buildPersonalMessage(bed.connector.serviceUrl, {
        text: 'yesterday',
        localTimezone: 'Mars/Olympus_Mons',
        entities: [
          null,
          5,
          'x',
          { type: 3 },
          { type: 'mention' },
          { type: 'clientInfo', timezone: 'Nowhere/Land' },
        ],
      }),
    );
    expect(texts[0]).toBe('Sat 28 Nov 2026 (UTC)');
  });

  it('answers a command it cannot read with the parser error, as a card', async () => {
    const texts = await replyTo(buildPersonalMessage(bed.connector.serviceUrl, { text: 'lastweek ext 101' }));
    expect(texts[0]).toMatch(/^⚠️ .*lastweek/);
  });
});
