import type { ReplyActionId } from '../core/reply';

/** The Adaptive Card 1.5 shapes the Teams renderer emits (our own types: no adaptivecards/botbuilder here). */
export type CardSpacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';

interface ElementBase {
  spacing?: CardSpacing;
  separator?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  maxLines?: number;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  color?: 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  isSubtle?: boolean;
  /** `heading` (1.5) marks the text as a heading for screen readers. */
  style?: 'default' | 'heading';
  fontType?: 'Default' | 'Monospace';
  horizontalAlignment?: 'Left' | 'Center' | 'Right';
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface Column {
  type: 'Column';
  width?: 'auto' | 'stretch' | number;
  items: CardElement[];
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
}

export interface ChartDataPoint {
  x: string;
  y: number;
}

/** A named series of a grouped bar chart or a line chart (`legend`, `values`). */
export interface ChartSeriesData {
  legend: string;
  values: ChartDataPoint[];
}

/** What Teams' charts share (Teams' own elements; other hosts render `fallback`). */
interface ChartBase extends ElementBase {
  title?: string;
  xAxisTitle?: string;
  yAxisTitle?: string;
  fallback?: CardElement | 'drop';
}

/** Teams' vertical bar chart: one bar per point. */
export interface VerticalBarChart extends ChartBase {
  type: 'Chart.VerticalBar';
  data: ChartDataPoint[];
}

/** Teams' grouped vertical bar chart: a bar per series at each x. */
export interface GroupedVerticalBarChart extends ChartBase {
  type: 'Chart.VerticalBar.Grouped';
  data: ChartSeriesData[];
}

/** Teams' line chart: a line per series. */
export interface LineChart extends ChartBase {
  type: 'Chart.Line';
  data: ChartSeriesData[];
}

export type TeamsChart = VerticalBarChart | GroupedVerticalBarChart | LineChart;

export type CardElement = TextBlock | FactSet | ColumnSet | Container | TeamsChart;

/** A button; Teams sends `data` back with the activity's `value`. */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: { action: ReplyActionId; value: string };
  style?: 'default' | 'positive' | 'destructive';
  /** `secondary` (1.5) puts the button in the overflow menu. */
  mode?: 'primary' | 'secondary';
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: SubmitAction[];
  /** Shown by hosts that cannot render the card. */
  fallbackText?: string;
  msteams?: { width: 'Full' };
}

/**
 * Teams rejects messages over about 28 KB (the whole activity); cards are kept under this many
 * UTF-8 bytes of JSON, which leaves room for the activity around them.
 */
export const TEAMS_CARD_MAX_BYTES = 27_000;

/** Teams shows at most six buttons; the rest go to the overflow menu. */
export const TEAMS_MAX_PRIMARY_ACTIONS = 6;

/** The card's size as Teams counts it: UTF-8 bytes of its JSON. */
export function measureCardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
