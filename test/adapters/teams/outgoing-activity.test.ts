import { ADAPTIVE_CARD_CONTENT_TYPE, toReplyActivity } from '../../../src/adapters/teams/outgoing-activity';
import { buildLargeReport, buildReportReply } from '../../render/fixtures/build-reply';

/** Teams refuses a message activity over about 28 KB, envelope included. */
const TEAMS_MESSAGE_MAX_BYTES = 28 * 1024;

describe('toReplyActivity', () => {
  it('is one message with one Adaptive Card and the summary for notifications', () => {
    const activity = toReplyActivity(buildReportReply());
    expect(activity).toMatchObject({
      type: 'message',
      summary: 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin): 3 calls, 2 answered, 1 missed',
      attachments: [
        { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: { type: 'AdaptiveCard', version: '1.5' } },
      ],
    });
    expect(activity.attachments).toHaveLength(1);
  });

  it.each(['summary', 'missed', 'extensions'] as const)(
    'keeps a 500-missed-call report (%s first) under 28 KB with the envelope Teams adds',
    (focus) => {
      const activity = toReplyActivity(buildReportReply({ report: buildLargeReport(), focus }));
      const envelope = {
        ...activity,
        from: { id: '28:0b5e8f1a-6c2d-4e3f-9a7b-1c2d3e4f5a6b', name: 'Calls' },
        recipient: {
          id: `29:${'x'.repeat(120)}`,
          name: 'Ben Okafor',
          aadObjectId: '6b3c8d4e-1f2a-4b5c-9d8e-7f6a5b4c3d2e',
        },
        conversation: {
          id: `19:${'a'.repeat(32)}@thread.tacv2;messageid=1796032800001`,
          conversationType: 'channel',
        },
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        replyToId: '1796032800001',
      };
      expect(Buffer.byteLength(JSON.stringify(envelope), 'utf8')).toBeLessThan(TEAMS_MESSAGE_MAX_BYTES);
      expect(JSON.stringify(activity)).toContain('Missed calls (500)');
    },
  );
});
