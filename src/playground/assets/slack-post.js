// One bot message as Slack's client draws it (avatar, name, APP badge, time, the Block Kit, the
// files, a line under it), for the Slack pane and the channel view alike. Text goes in through
// textContent only.
import { renderSlackMessage } from './block-kit.js';

/**
 * `result` is a playground result (`slack`, `files`, `answeredAt`); `onAction(actionId, value,
 * button)` runs on a button click; `note` is the grey line under the message (who sees it);
 * `badge`, when given, is a label beside the time (e.g. which digest posted it).
 */
export function renderSlackPost(result, { onAction, note, badge, timeZone }) {
  const content = document.createElement('div');
  content.className = 'slack-content';
  const meta = document.createElement('div');
  meta.className = 'slack-meta';
  meta.append(
    span('name', 'Calls'),
    span('app-badge', 'APP'),
    span('time', formatClock(result.answeredAt, timeZone)),
  );
  if (badge) meta.append(span('post-badge', badge));
  content.append(meta, renderSlackMessage(result.slack, onAction));
  for (const file of result.files) content.append(renderFile(file));
  const visibility = span('visibility', note);
  visibility.dataset.testid = 'slack-visibility';
  content.append(visibility);
  return postFrame(botAvatar(), content);
}

/** What the user typed, as Slack shows a person's message. */
export function renderUserPost(text, postedAt, timeZone) {
  const content = document.createElement('div');
  content.className = 'slack-content';
  const meta = document.createElement('div');
  meta.className = 'slack-meta';
  meta.append(span('name', 'You'), span('time', formatClock(postedAt, timeZone)));
  const message = document.createElement('div');
  message.className = 'user-text';
  message.textContent = text;
  content.append(meta, message);
  const avatar = span('avatar user-avatar', 'Y');
  avatar.setAttribute('aria-hidden', 'true');
  return postFrame(avatar, content);
}

function postFrame(avatar, content) {
  const wrapper = document.createElement('div');
  wrapper.className = 'slack-post';
  wrapper.append(avatar, content);
  return wrapper;
}

function botAvatar() {
  const avatar = document.createElement('img');
  avatar.className = 'avatar';
  avatar.src = '/playground/favicon.svg';
  avatar.alt = '';
  return avatar;
}

function renderFile(file) {
  const link = document.createElement('a');
  link.className = 'slack-file';
  link.href = file.url;
  link.download = file.filename;
  link.dataset.testid = 'slack-file';
  const icon = span('file-icon', (file.filename.split('.').pop() ?? '').toUpperCase());
  const text = document.createElement('span');
  text.className = 'file-text';
  text.append(
    span('file-name', file.filename),
    span('file-meta', `${file.title} · ${formatBytes(file.size)} · in Slack it goes to your direct messages`),
  );
  link.append(icon, text);
  return link;
}

export function span(className, text) {
  const node = document.createElement('span');
  node.className = className;
  node.textContent = text;
  return node;
}

/** The server's time as Slack and Teams show it, in the chosen zone. */
export function formatClock(isoTime, timeZone) {
  const time = new Date(isoTime);
  if (Number.isNaN(time.getTime())) return '';
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(time);
}

function formatBytes(bytes) {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1048576
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;
}
