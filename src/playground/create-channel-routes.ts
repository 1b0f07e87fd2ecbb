import type { AlertButtons } from '../alerts/alert-buttons';
import { answerWith } from '../chat/answer';
import type { ChatService } from '../chat/chat-service';
import type { ChatUser } from '../core/chat-user';
import type { Logger } from '../core/logger';
import type { Reply } from '../core/reply';
import { isAlertActionId } from '../render/alert-actions';
import type { DigestSchedule } from '../schedule/digest-schedule';
import type { ScheduleStore } from '../schedule/schedule-store';
import type { Route } from '../server/http-server';
import { type ChannelDigest, listChannelDigests } from './list-channel-digests';
import { answerPlaygroundAlertButton } from './playground-alert-buttons';
import { PlaygroundApiError, playgroundGetApi, playgroundPostApi } from './playground-api';
import { type ChannelPost, PLAYGROUND_CONVERSATION, type PlaygroundChannel } from './playground-channel';
import type { PlaygroundGate } from './playground-gate';
import type { PlaygroundRenderer } from './playground-renderer';
import {
  type PlaygroundAsker,
  parseActionRequest,
  parseCommandRequest,
  parseRunNowRequest,
} from './playground-requests';

/** What the channel view needs of digests: the store they live in, and "Run now". */
export interface PlaygroundDigests {
  store: Pick<ScheduleStore, 'getSchedule' | 'listSchedules' | 'getLastRun'>;
  /** The digest as it would post at `at`, through the scheduler's runner, recording nothing (`previewDigest`). */
  preview(schedule: DigestSchedule, at: Date): Promise<Reply>;
}

export interface ChannelRoutesOptions {
  gate: PlaygroundGate;
  chat: ChatService;
  channel: PlaygroundChannel;
  digests: PlaygroundDigests;
  renderer: PlaygroundRenderer;
  /** The playground's user, in the zone and locale the page sent. */
  userIn: (asker: PlaygroundAsker) => ChatUser;
  now: () => Date;
  logger: Logger;
  /** Answers the buttons of the view's live alerts; without it they are answered as unknown buttons. */
  alertButtons?: AlertButtons;
}

/**
 * What every channel route answers: the posts after the `after` the page sent (its newest one;
 * all when absent), the numbers of the oldest post still kept (the page drops older ones) and of
 * the newest made (lower than the page's after a restart: the page starts over), and the
 * channel's digests as they are now.
 */
export interface ChannelView {
  label: string;
  oldestId: number;
  newestId: number;
  posts: ChannelPost[];
  digests: ChannelDigest[];
}

/**
 * The channel view's API, behind the same gate as the rest of the playground: read it (`GET
 * /playground/api/channel?after=`), type into it as the playground's user (`…/command`, where
 * `schedule …`, `schedules` and `unschedule …` act on this channel's digests in the real store),
 * click a button of one of its posts (`…/action`), and "Run now" a digest (`…/run-now`).
 */
export function createChannelRoutes(options: ChannelRoutesOptions): Route[] {
  const { gate, chat, channel, digests, renderer, userIn, now, logger } = options;

  const view = async (query: URLSearchParams): Promise<ChannelView> => ({
    label: PLAYGROUND_CONVERSATION.label ?? PLAYGROUND_CONVERSATION.id,
    oldestId: channel.oldestId,
    newestId: channel.newestId,
    posts: channel.list(readAfter(query)),
    digests: await listChannelDigests(digests.store, now()),
  });

  return [
    { method: 'GET', path: '/playground/api/channel', handler: playgroundGetApi(gate, view) },
    {
      method: 'POST',
      path: '/playground/api/channel/command',
      handler: playgroundPostApi(gate, parseCommandRequest, async (request, query) => {
        logger.debug('playground channel command', { text: request.text, timeZone: request.timeZone });
        channel.add({ kind: 'typed', text: request.text }, now());
        const answer = await chat.answerText(request.text, userIn(request), PLAYGROUND_CONVERSATION);
        channel.add({ kind: 'reply', result: renderer.render(answer) }, now());
        return view(query);
      }),
    },
    {
      method: 'POST',
      path: '/playground/api/channel/action',
      handler: playgroundPostApi(gate, parseActionRequest, async (request, query) => {
        logger.debug('playground channel action', { actionId: request.actionId, timeZone: request.timeZone });
        if (options.alertButtons && isAlertActionId(request.actionId)) {
          const text = await answerPlaygroundAlertButton(options.alertButtons, request, userIn(request));
          if (text !== undefined)
            channel.add(
              { kind: 'reply', result: renderer.render(answerWith({ kind: 'notice', text })) },
              now(),
            );
          return view(query);
        }
        const answer = await chat.answerAction(request.actionId, request.value, userIn(request));
        channel.add({ kind: 'reply', result: renderer.render(answer) }, now());
        return view(query);
      }),
    },
    {
      method: 'POST',
      path: '/playground/api/channel/run-now',
      handler: playgroundPostApi(gate, parseRunNowRequest, async (request, query) => {
        const schedule = await digests.store.getSchedule(request.id);
        const here =
          schedule?.target.platform === 'playground' &&
          schedule.target.conversationId === PLAYGROUND_CONVERSATION.id;
        if (!schedule || !here) {
          throw new PlaygroundApiError(404, `There is no digest ${request.id} in the playground channel.`);
        }
        logger.debug('playground digest run now', { scheduleId: schedule.id });
        const reply = await digests.preview(schedule, now());
        channel.add(
          { kind: 'preview', scheduleId: schedule.id, result: renderer.render(answerWith(reply)) },
          now(),
        );
        return view(query);
      }),
    },
  ];
}

/** `after=12`: the page's newest post; anything else reads as none (every kept post). */
function readAfter(query: URLSearchParams): number {
  const after = Number(query.get('after') ?? '0');
  return Number.isSafeInteger(after) && after > 0 ? after : 0;
}
