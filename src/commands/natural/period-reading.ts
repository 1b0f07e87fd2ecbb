import type { DateOrder } from './date-order';

/** What the period reader needs to know about the asker besides the tokens. */
export interface PeriodReading {
  /** BCP 47, e.g. `en-GB`. */
  locale: string;
  /** How the locale writes a numeric date. */
  order: DateOrder;
  /** The locale's region, whose holidays count (`GB`); none without a region. */
  country?: string;
  /** The instant chrono reads relative words against (its Date is never used for the window). */
  reference: Date;
}
