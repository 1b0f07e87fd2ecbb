/** A half-open window of instants `[from, to)` as a person asked for it, in their IANA zone. */
export interface TimeWindow {
  from: Date;
  to: Date;
  /** IANA zone the window was resolved in and the report is shown in, e.g. `Europe/Berlin`. */
  timeZone: string;
}
