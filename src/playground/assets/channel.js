// The channel view: a conversation of the playground's own, where `schedule …`, `schedules` and
// `unschedule …` act on real digests (the bot's schedule store and scheduler) that post here and
// nowhere else. The posts come from the server (/playground/api/channel), polled while the view
// is open; each digest of the channel is listed with "Run now", a preview that records nothing.
import { renderSlackPost, renderUserPost, span } from './slack-post.js';

const POLL_MS = 3000;
const API = '/playground/api/channel';

/** Wires the view's elements; `timeZone()` and `locale()` are the zone and locale picked on the page. */
export function startChannelView({ timeZone, locale }) {
  const form = document.getElementById('channel-form');
  const input = document.getElementById('channel-input');
  const sendButton = document.getElementById('channel-send');
  const postsBox = document.getElementById('channel-posts');
  const digestList = document.getElementById('channel-digests');
  const statusLine = document.getElementById('channel-status');
  const label = document.getElementById('channel-label');

  /** The posts shown, by number; `newest` is what the next read asks after. */
  const shown = new Map();
  let newest = 0;
  let timer;
  let busy = false;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text === '') return;
    send(`${API}/command`, { text, timeZone: timeZone(), locale: locale() }, text).then((ok) => {
      if (ok) input.value = '';
    });
  });
  for (const chip of document.querySelectorAll('[data-channel-example]')) {
    chip.addEventListener('click', () => {
      input.value = chip.dataset.channelExample;
      input.focus();
    });
  }

  async function refresh() {
    try {
      receive(await request('GET', `${API}?after=${newest}`));
    } catch (error) {
      setStatus(`Could not read the channel: ${error.message}`, 'error');
    }
  }

  /** POSTs to a channel route; the answer is the channel as it is now. True when it went through. */
  async function send(path, body, what) {
    if (busy) return false;
    busy = true;
    sendButton.disabled = true;
    setStatus(`Sending ${what}…`, 'working');
    try {
      receive(await request('POST', `${path}?after=${newest}`, body));
      setStatus(`${what} → done`, 'ok');
      return true;
    } catch (error) {
      setStatus(`${what} failed: ${error.message}`, 'error');
      return false;
    } finally {
      busy = false;
      sendButton.disabled = false;
    }
  }

  /**
   * Shows what a channel route answered. When the bot has made fewer posts than the page has seen,
   * it restarted (its posts are numbered from 1 again): the page forgets the old ones and reads all.
   */
  function receive(view) {
    if (view.newestId >= newest) return show(view);
    for (const element of shown.values()) element.remove();
    shown.clear();
    newest = 0;
    refresh();
  }

  function show(view) {
    label.textContent = view.label;
    for (const [id, element] of shown) {
      if (id >= view.oldestId) continue;
      element.remove();
      shown.delete(id);
    }
    if (view.posts.length > 0) postsBox.querySelector('.empty')?.remove();
    let latest;
    for (const post of view.posts) {
      newest = Math.max(newest, post.revisedId ?? post.id);
      const old = shown.get(post.id);
      // A post redrawn in place (a live alert claimed, released or returned) keeps its number.
      if (old && post.revisedId !== undefined) {
        const redrawn = renderPost(post);
        old.replaceWith(redrawn);
        shown.set(post.id, redrawn);
      }
      if (old) continue;
      latest = renderPost(post);
      shown.set(post.id, latest);
      postsBox.append(latest);
    }
    // The channel scrolls to the start of the newest post, within its own box (not the page).
    if (latest) postsBox.scrollTop = latest.offsetTop - postsBox.firstElementChild.offsetTop;
    showDigests(view.digests);
  }

  function renderPost(post) {
    const element =
      post.kind === 'typed'
        ? renderUserPost(post.text, post.postedAt, timeZone())
        : renderSlackPost(post.result, {
            onAction: (actionId, value, button) =>
              send(
                `${API}/action`,
                {
                  actionId: actionId.replace(/^calls_/, ''),
                  value,
                  timeZone: timeZone(),
                  locale: locale(),
                },
                `button “${button.textContent}”`,
              ),
            note: noteOf(post),
            badge: badgeOf(post),
            timeZone: timeZone(),
          });
    element.classList.add('channel-post');
    element.dataset.testid = 'channel-post';
    element.dataset.kind = post.kind;
    return element;
  }

  function showDigests(digests) {
    if (digests.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = 'No digests here yet. Schedule one, e.g. “schedule every day at 8:00 yesterday”.';
      digestList.replaceChildren(empty);
      return;
    }
    digestList.replaceChildren(...digests.map(renderDigest));
  }

  function renderDigest(digest) {
    const item = document.createElement('li');
    item.className = 'channel-digest';
    item.dataset.testid = 'channel-digest';
    item.dataset.id = digest.id;
    const title = document.createElement('div');
    title.className = 'digest-title';
    title.append(
      span('digest-id', digest.id),
      span('digest-rule', `${digest.description} (${digest.timeZone})`),
    );
    const command = span('digest-command', `“${digest.command}”`);
    const timing = span('digest-timing', `${digest.next} · last: ${digest.last}`);
    const runNow = document.createElement('button');
    runNow.type = 'button';
    runNow.className = 'run-now';
    runNow.dataset.testid = 'run-now';
    runNow.textContent = 'Run now';
    runNow.title = 'Post this digest here as it would be now; nothing is recorded, the schedule is unchanged';
    runNow.addEventListener('click', () => send(`${API}/run-now`, { id: digest.id }, `Run now ${digest.id}`));
    item.append(title, command, timing, runNow);
    return item;
  }

  function setStatus(text, kind) {
    statusLine.textContent = text;
    statusLine.dataset.kind = kind;
  }

  return {
    /** Reads the channel now and every few seconds while the view is shown. */
    setVisible(visible) {
      clearInterval(timer);
      timer = undefined;
      if (!visible) return;
      refresh();
      timer = setInterval(() => {
        if (!busy && document.visibilityState === 'visible') refresh();
      }, POLL_MS);
    },
  };
}

function noteOf(post) {
  switch (post.kind) {
    case 'digest':
      return 'Posted in the channel by the schedule';
    case 'preview':
      return 'Run now: a preview only; no run was recorded and the schedule is unchanged';
    case 'alert':
      return 'Posted in the channel by the live alerts';
    case 'alert-reminder':
      return "A reminder, in the alert's thread";
    default:
      return post.result.share ? 'Posted in the channel for everyone' : 'Only visible to you';
  }
}

function badgeOf(post) {
  if (post.kind === 'digest') return `digest ${post.scheduleId}`;
  if (post.kind === 'preview') return `run now · ${post.scheduleId}`;
  if (post.kind === 'alert' || post.kind === 'alert-reminder') return `alerts ${post.subscriptionId}`;
  return undefined;
}

async function request(method, path, body) {
  const response = await fetch(path, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
  const answer = await response.json().catch(() => ({ error: `The server answered ${response.status}.` }));
  if (!response.ok) throw new Error(answer.error ?? `The server answered ${response.status}.`);
  return answer;
}
