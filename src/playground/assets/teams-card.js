// An Adaptive Card rendered by Microsoft's own renderer (the `adaptivecards` package, loaded as
// window.AdaptiveCards) with Teams' host config and Teams' subset of Markdown for TextBlocks.
import { registerTeamsCharts } from './teams-chart.js';

/** Text colours of one container style, as Teams' light theme has them (#AARRGGBB). */
const TEAMS_FOREGROUND_COLORS = {
  default: { default: '#ff252424', subtle: '#bf252424' },
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};

const style = (backgroundColor, borderColor) => ({
  backgroundColor,
  borderColor,
  foregroundColors: TEAMS_FOREGROUND_COLORS,
});

const fontType = (fontFamily) => ({
  fontFamily,
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
});

/**
 * Teams' host config, value for value: Microsoft's "Microsoft Teams - Light" config
 * (microsoft/AdaptiveCards, samples/HostConfig/microsoft-teams-light.json), which its card
 * designer uses to preview cards as Teams lays them out. Spacing, fonts, fact-set widths and
 * table grid lines decide what fits in a chat's width, so none of it is tuned here. (Its fact
 * set `wrap` keys are misspelt `warp`, so the renderer's default, wrapping, applies, as here.)
 */
const TEAMS_HOST_CONFIG = {
  choiceSetInputValueSeparator: ',',
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  imageSizes: { small: 32, medium: 52, large: 100 },
  fontTypes: {
    default: fontType("'Segoe UI', Tahoma, Geneva, Verdana, sans-serif"),
    monospace: fontType("'Courier New', Courier, monospace"),
  },
  textStyles: {
    heading: { fontType: 'default', size: 'large', weight: 'bolder', color: 'default', isSubtle: false },
  },
  textBlock: { headingLevel: 2 },
  containerStyles: {
    default: style('#ffffff', '#CCCCCC'),
    emphasis: style('#fff9f8f7', '#666666'),
    accent: style('#C7DEF9', '#62A8F7'),
    good: style('#CCFFCC', '#69E569'),
    attention: style('#FFC5B2', '#FF764C'),
    warning: style('#FFE2B2', '#FFBC51'),
  },
  actions: {
    maxActions: 6,
    spacing: 'Default',
    buttonSpacing: 8,
    showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' },
    preExpandSingleShowCardAction: false,
    actionsOrientation: 'Horizontal',
    actionAlignment: 'Left',
  },
  adaptiveCard: { allowCustomStyle: false },
  imageSet: { imageSize: 'Medium', maxImageHeight: 100 },
  factSet: {
    title: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Bolder' },
    value: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Default' },
    spacing: 16,
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
  // TextBlocks get the font from the renderer; what Teams draws itself (the chart) inherits it.
  rendered.style.fontFamily = TEAMS_HOST_CONFIG.fontTypes.default.fontFamily;
  return rendered;
}

/**
 * Teams' TextBlock Markdown: **bold**, _italic_, [text](https://url) and [number](tel:+44…),
 * paragraphs on blank lines (a single newline joins lines, as in Teams), and backslash escapes
 * (`\*` is a plain `*`: the bot escapes names that way). The text is HTML-escaped before any tag is added.
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
          /\[([^\]]+)\]\((https?:\/\/[^\s)]+|tel:\+?\d[^\s)]*)\)/g,
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
