// An Adaptive Card rendered by Microsoft's own renderer (the `adaptivecards` package, loaded as
// window.AdaptiveCards), with a host config close to Teams' light theme and Teams' subset of
// Markdown for TextBlocks.
import { registerTeamsCharts } from './teams-chart.js';

const TEAMS_HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'Segoe UI Web', system-ui, -apple-system, 'Helvetica Neue', sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        dark: { default: '#242424', subtle: '#616161' },
        light: { default: '#FFFFFF', subtle: '#E0E0E0' },
        accent: { default: '#5B5FC7', subtle: '#7F85F5' },
        good: { default: '#0E700E', subtle: '#13A10E' },
        warning: { default: '#835B00', subtle: '#C19C00' },
        attention: { default: '#C4314B', subtle: '#D13438' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
      },
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  factSet: {
    title: {
      color: 'default',
      size: 'default',
      isSubtle: false,
      weight: 'bolder',
      wrap: true,
      maxWidth: 180,
    },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 12,
  },
};

/** Renders the card JSON; `onAction(data, title)` gets a clicked Action.Submit's `data` and title. */
export function renderTeamsCard(cardJson, onAction) {
  const AdaptiveCards = window.AdaptiveCards;
  if (!AdaptiveCards) throw new Error('The Adaptive Cards renderer did not load.');
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = processTeamsMarkdown;
  registerTeamsCharts(AdaptiveCards);
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(TEAMS_HOST_CONFIG);
  card.onExecuteAction = (action) => {
    if (action instanceof AdaptiveCards.SubmitAction) onAction(action.data, action.title);
  };
  card.parse(cardJson);
  const rendered = card.render();
  if (!rendered) throw new Error('The Adaptive Cards renderer produced nothing for this card.');
  return rendered;
}

/**
 * Teams' TextBlock Markdown: **bold**, _italic_, [text](https://url), paragraphs on blank lines
 * (a single newline joins lines, as in Teams), and backslash escapes (`\*` is a plain `*`: the bot
 * escapes names that way). The text is HTML-escaped before any tag is added.
 */
function processTeamsMarkdown(text, result) {
  const paragraphs = escapeHtml(protectEscapes(text))
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .replace(/\n/g, ' ')
        .replace(/\*\*(?=\S)(.+?\S)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1<em>$2</em>')
        .replace(
          /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g,
          '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>',
        ),
    );
  result.outputHtml = restoreEscapes(paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join(''));
  result.didProcess = true;
}

/** Private-use stand-ins for backslash-escaped ASCII punctuation, so that no rule above matches them. */
const ESCAPED_BASE = 0xe000;

function protectEscapes(text) {
  return text.replace(/\\([!-/:-@[-`{-~])/g, (_match, char) =>
    String.fromCharCode(ESCAPED_BASE + char.charCodeAt(0)),
  );
}

function restoreEscapes(html) {
  return html.replace(/[\ue000-\ue07f]/g, (char) =>
    escapeHtml(String.fromCharCode(char.charCodeAt(0) - ESCAPED_BASE)),
  );
}

function escapeHtml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
