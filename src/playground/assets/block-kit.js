// Slack Block Kit -> DOM, as Slack shows our messages: header, section (mrkdwn text and
// two-column fields), context, divider, image and actions, in order. Every piece of text goes in through
// textContent (never innerHTML), so nothing the PBX or a user wrote can become markup.

const EMOJI = {
  tada: '🎉',
  warning: '⚠️',
  white_check_mark: '✅',
  x: '❌',
  telephone_receiver: '📞',
  phone: '☎️',
  calendar: '📆',
  bar_chart: '📊',
  hourglass: '⌛',
  information_source: 'ℹ️',
  mag: '🔍',
  lock: '🔒',
};

/** Renders `{ text, blocks }`; `onAction(actionId, value)` runs when a button is clicked. */
export function renderSlackMessage(message, onAction) {
  const root = document.createElement('div');
  root.className = 'sk-message';
  for (const block of message.blocks ?? []) root.append(renderBlock(block, onAction));
  if ((message.blocks ?? []).length === 0) root.append(mrkdwn(message.text ?? '', 'div', 'sk-text'));
  return root;
}

function renderBlock(block, onAction) {
  switch (block.type) {
    case 'header': {
      const header = element('div', 'sk-header');
      header.dataset.testid = 'slack-header';
      header.append(...inlineText(block.text.text, { emoji: block.text.emoji !== false, plain: true }));
      return header;
    }
    case 'section':
      return renderSection(block);
    case 'context': {
      const context = element('div', 'sk-context');
      context.dataset.testid = 'slack-context';
      for (const item of block.elements ?? []) {
        context.append(item.type === 'mrkdwn' ? mrkdwn(item.text, 'span') : plain(item.text, 'span'));
      }
      return context;
    }
    case 'divider':
      return element('hr', 'sk-divider');
    case 'actions':
      return renderActions(block, onAction);
    case 'image':
      return renderImage(block);
    default: {
      const unknown = element('div', 'sk-unknown');
      unknown.textContent = `[${String(block.type)} block]`;
      return unknown;
    }
  }
}

function renderSection(block) {
  const section = element('div', 'sk-section');
  section.dataset.testid = 'slack-section';
  if (block.text) section.append(textObject(block.text, 'div', 'sk-text'));
  if (block.fields && block.fields.length > 0) {
    const fields = element('div', 'sk-fields');
    for (const field of block.fields) {
      const cell = textObject(field, 'div', 'sk-field');
      cell.dataset.testid = 'slack-field';
      fields.append(cell);
    }
    section.append(fields);
  }
  return section;
}

/**
 * An image block: its title above the picture, as Slack shows it. Only an `image_url` on this
 * server (a path such as `/chart.png?id=…`) or http(s) is loaded (the page's CSP allows its own
 * origin alone); a `slack_file` cannot be fetched here, so its alt text stands in.
 */
function renderImage(block) {
  const figure = element('figure', 'sk-image');
  figure.dataset.testid = 'slack-image';
  if (block.title?.text) figure.append(plain(block.title.text, 'figcaption', 'sk-image-title'));
  const url = typeof block.image_url === 'string' ? block.image_url : '';
  if (/^(\/(?!\/)|https?:\/\/)/i.test(url)) {
    const image = document.createElement('img');
    image.src = url;
    image.alt = String(block.alt_text ?? '');
    image.loading = 'lazy';
    figure.append(image);
  } else {
    figure.append(plain(`[image: ${String(block.alt_text ?? '')}]`, 'div', 'sk-image-missing'));
  }
  return figure;
}

function renderActions(block, onAction) {
  const actions = element('div', 'sk-actions');
  for (const item of block.elements ?? []) {
    if (item.type !== 'button') continue;
    const button = element('button', `sk-button${item.style ? ` sk-${item.style}` : ''}`);
    button.type = 'button';
    button.dataset.testid = 'slack-button';
    button.dataset.actionId = item.action_id;
    button.append(...inlineText(item.text.text, { emoji: true, plain: true }));
    button.addEventListener('click', () => onAction(item.action_id, item.value, button));
    actions.append(button);
  }
  return actions;
}

function textObject(text, tag, className) {
  return text.type === 'mrkdwn' ? mrkdwn(text.text, tag, className) : plain(text.text, tag, className);
}

function plain(text, tag, className) {
  const node = element(tag, className);
  node.append(...inlineText(text, { emoji: true, plain: true }));
  return node;
}

/** mrkdwn: ```pre```, `code`, *bold*, _italic_, ~strike~, <url|text>, > quotes, line breaks. */
export function mrkdwn(text, tag = 'div', className = '') {
  const node = element(tag, `sk-mrkdwn ${className}`.trim());
  const parts = text.split('```');
  let prose = '';
  parts.forEach((part, index) => {
    const isPre = index % 2 === 1 && index < parts.length - 1;
    if (!isPre) {
      prose += index % 2 === 1 ? `\`\`\`${part}` : part;
      return;
    }
    appendLines(node, prose.replace(/\n$/, ''));
    const pre = element('pre', 'sk-pre');
    pre.textContent = decodeEntities(part.replace(/^\n/, '').replace(/\n$/, ''));
    node.append(pre);
    parts[index + 1] = (parts[index + 1] ?? '').replace(/^\n/, '');
    prose = '';
  });
  appendLines(node, prose);
  return node;
}

function appendLines(node, text) {
  if (text === '') return;
  const lines = text.split('\n');
  let quote = null;
  lines.forEach((line, index) => {
    const quoted = /^&gt;\s?/.test(line);
    if (quoted) {
      if (!quote) {
        quote = element('blockquote', 'sk-quote');
        node.append(quote);
      } else quote.append(document.createElement('br'));
      quote.append(...inlineText(line.replace(/^&gt;\s?/, ''), { emoji: true }));
      return;
    }
    quote = null;
    node.append(...inlineText(line, { emoji: true }));
    if (index < lines.length - 1 && !/^&gt;\s?/.test(lines[index + 1] ?? '')) {
      node.append(document.createElement('br'));
    }
  });
}

const INLINE =
  /`([^`\n]+)`|<([^<>\n]+)>|(?<![\p{L}\p{N}*_~])([*_~])(?=\S)((?:(?!\3)[^\n])*?\S)\3(?![\p{L}\p{N}])/gu;

/** One line of mrkdwn (or plain text) as nodes. */
function inlineText(text, { emoji, plain: isPlain = false }) {
  if (isPlain) return [document.createTextNode(withEmoji(decodeEntities(text), emoji))];
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) nodes.push(textNode(text.slice(last, match.index), emoji));
    nodes.push(renderInline(match, emoji));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(textNode(text.slice(last), emoji));
  return nodes;
}

function renderInline(match, emoji) {
  const [whole, code, link, marker, content] = match;
  if (code !== undefined) {
    const node = element('code', 'sk-code');
    node.textContent = decodeEntities(code);
    return node;
  }
  if (link !== undefined) return renderLink(link, whole);
  const tag = { '*': 'strong', _: 'em', '~': 's' }[marker];
  const node = document.createElement(tag);
  node.append(...inlineText(content, { emoji }));
  return node;
}

/** `<https://x|label>`, `<mailto:..>`, `<tel:+44…|label>`, `<@U123>`, `<#C123|name>`, `<!here>`; other URLs stay text. */
function renderLink(link, whole) {
  const [target, label] = splitOnce(link, '|');
  if (/^(https?:|mailto:|tel:)/i.test(target)) {
    const anchor = element('a', 'sk-link');
    anchor.href = decodeEntities(target);
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    anchor.textContent = decodeEntities(label ?? target);
    return anchor;
  }
  const mention = element('span', 'sk-mention');
  if (target.startsWith('@')) mention.textContent = `@${decodeEntities(label ?? target.slice(1))}`;
  else if (target.startsWith('#')) mention.textContent = `#${decodeEntities(label ?? target.slice(1))}`;
  else if (target.startsWith('!')) mention.textContent = `@${decodeEntities(label ?? target.slice(1))}`;
  else return document.createTextNode(decodeEntities(whole));
  return mention;
}

function textNode(text, emoji) {
  return document.createTextNode(withEmoji(decodeEntities(text), emoji));
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Slack sends `&amp;`, `&lt;` and `&gt;`; everything else is literal. */
export function decodeEntities(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function withEmoji(text, emoji) {
  if (!emoji) return text;
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole);
}

function element(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
