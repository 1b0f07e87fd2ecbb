// The playground page: sends commands and button clicks to the bot's playground API and shows
// the answer as Slack and Teams would, with the payloads beside them. The Channel tab is the
// channel view (channel.js), where digests are scheduled and posted.
import { startChannelView } from './channel.js';
import { formatClock, renderSlackPost, span } from './slack-post.js';
import { renderTeamsCard } from './teams-card.js';

const form = document.getElementById('command-form');
const input = document.getElementById('command-input');
/** Locales that read `3/11` differently: month-first, day-first, year-first. */
const LOCALES = ['en-US', 'en-GB', 'en-IN', 'de-DE', 'sv-SE'];

const zoneSelect = document.getElementById('time-zone');
const localeSelect = document.getElementById('locale');
const runButton = document.getElementById('run');
const statusLine = document.getElementById('status');
const slackPane = document.getElementById('slack-pane');
const teamsPane = document.getElementById('teams-pane');
const jsonPane = document.getElementById('json-pane');

let lastResult = null;
let jsonTab = 'slack';
let busy = false;

fillTimeZones(zoneSelect);
fillLocales(localeSelect);
const channel = startChannelView({ timeZone: () => zoneSelect.value, locale: () => localeSelect.value });
readLocationHash();

for (const tab of document.querySelectorAll('[data-view]')) {
  tab.addEventListener('click', () => showView(tab.dataset.view));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  runCommand(input.value);
});
for (const chip of document.querySelectorAll('[data-example]')) {
  chip.addEventListener('click', () => {
    input.value = chip.dataset.example;
    runCommand(input.value);
  });
}
for (const tab of document.querySelectorAll('[data-tab]')) {
  tab.addEventListener('click', () => {
    jsonTab = tab.dataset.tab;
    for (const other of document.querySelectorAll('[data-tab]')) {
      other.setAttribute('aria-selected', String(other === tab));
    }
    showJson();
  });
}
document.getElementById('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(jsonPane.textContent);
    setStatus('Copied.', 'ok');
  } catch {
    setStatus('The browser did not allow copying; select the text instead.', 'error');
  }
});
window.addEventListener('hashchange', readLocationHash);

/** Fills the zone picker with every IANA zone the browser knows; the browser's own is selected. */
function fillTimeZones(select) {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const zones = new Set(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [],
  );
  zones.add('UTC');
  zones.add(own);
  const sample = new Date();
  for (const zone of [...zones].sort()) {
    const option = document.createElement('option');
    option.value = zone;
    option.textContent = `${zone.replaceAll('_', ' ')} (${describeOffset(zone, sample)})`;
    select.append(option);
  }
  select.value = own;
}

/** Fills the locale picker (how numeric dates read); the browser's language is selected and listed. */
function fillLocales(select) {
  const own = canonicalLocale(navigator.language) ?? 'en-US';
  const sample = new Date(2026, 10, 3);
  for (const locale of new Set([...LOCALES, own])) {
    const option = document.createElement('option');
    option.value = locale;
    option.textContent = `${locale} (${new Intl.DateTimeFormat(locale).format(sample)})`;
    select.append(option);
  }
  select.value = own;
}

function canonicalLocale(tag) {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

function describeOffset(zone, date) {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      timeZoneName: 'shortOffset',
    }).formatToParts(date);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}

/** The Reply view (the command and its panes) or the Channel view; the zone picker serves both. */
function showView(view) {
  for (const tab of document.querySelectorAll('[data-view]')) {
    const selected = tab.dataset.view === view;
    tab.setAttribute('aria-selected', String(selected));
    document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
  }
  channel.setVisible(view === 'channel');
}

/**
 * `#q=last+week&tz=Europe/Berlin&locale=en-GB` runs that command, so a link can show a reply; `#view=channel`
 * opens the channel view.
 */
function readLocationHash() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const zone = params.get('tz');
  if (zone && [...zoneSelect.options].some((option) => option.value === zone)) zoneSelect.value = zone;
  const locale = params.get('locale');
  if (locale && [...localeSelect.options].some((option) => option.value === locale))
    localeSelect.value = locale;
  if (params.get('view') === 'channel') showView('channel');
  const text = params.get('q');
  if (text !== null && text !== input.value) {
    input.value = text;
    runCommand(text);
  }
}

function runCommand(text) {
  const params = new URLSearchParams({ q: text, tz: zoneSelect.value, locale: localeSelect.value });
  history.replaceState(null, '', `#${params}`);
  return callApi(
    '/playground/api/command',
    { text, timeZone: zoneSelect.value, locale: localeSelect.value },
    `/calls ${text}`,
  );
}

function runAction(actionId, value, label) {
  return callApi(
    '/playground/api/action',
    { actionId, value, timeZone: zoneSelect.value, locale: localeSelect.value },
    `button “${label}”`,
  );
}

async function callApi(path, body, what) {
  if (busy) return;
  busy = true;
  runButton.disabled = true;
  document.body.classList.add('busy');
  setStatus(`Running ${what}…`, 'working');
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const result = await response.json().catch(() => ({ error: `The server answered ${response.status}.` }));
    if (!response.ok) throw new Error(result.error ?? `The server answered ${response.status}.`);
    showResult(result);
    setStatus(`${what} → ${describeResult(result)}`, result.reply.kind === 'error' ? 'error' : 'ok');
  } catch (error) {
    setStatus(`${what} failed: ${error.message}`, 'error');
  } finally {
    busy = false;
    runButton.disabled = false;
    document.body.classList.remove('busy');
  }
}

function describeResult(result) {
  const { reply } = result;
  const first = { summary: 'summary', missed: 'missed calls first', extensions: 'extensions first' };
  const parts = [
    reply.kind === 'report'
      ? reply.view === 'list'
        ? 'call list'
        : reply.view === 'unreturned'
          ? 'missed calls and call-backs'
          : `report, ${first[reply.focus]}`
      : reply.kind,
  ];
  if (result.files.length > 0)
    parts.push(`${result.files.length} ${result.files.length === 1 ? 'file' : 'files'} to download`);
  if (result.share) parts.push('shared to the channel');
  return parts.join(' · ');
}

function showResult(result) {
  lastResult = result;
  slackPane.replaceChildren(renderSlackPane(result));
  teamsPane.replaceChildren(renderTeamsPane(result));
  showJson();
}

function renderSlackPane(result) {
  return renderSlackPost(result, {
    onAction: (actionId, value, button) =>
      runAction(actionId.replace(/^calls_/, ''), value, button.textContent),
    note: result.share ? 'Posted in #calls for everyone' : 'Only visible to you',
    timeZone: zoneSelect.value,
  });
}

function renderTeamsPane(result) {
  const wrapper = document.createElement('div');
  wrapper.className = 'teams-post';
  const meta = document.createElement('div');
  meta.className = 'teams-meta';
  meta.append(span('name', 'Calls'), span('time', formatClock(result.answeredAt, zoneSelect.value)));
  const card = document.createElement('div');
  card.className = 'teams-card';
  card.dataset.testid = 'teams-card';
  try {
    card.append(
      renderTeamsCard(result.teams, (data, title) =>
        runAction(String(data?.action ?? ''), data?.value, title ?? 'button'),
      ),
    );
  } catch (error) {
    card.append(span('render-error', error.message));
  }
  wrapper.append(meta, card);
  return wrapper;
}

function showJson() {
  if (!lastResult) return;
  const views = {
    slack: lastResult.slack,
    teams: lastResult.teams,
    reply: { reply: lastResult.reply, share: lastResult.share, files: lastResult.files },
  };
  jsonPane.textContent = jsonTab === 'text' ? lastResult.text : JSON.stringify(views[jsonTab], null, 2);
}

function setStatus(text, kind) {
  statusLine.textContent = text;
  statusLine.dataset.kind = kind;
}
