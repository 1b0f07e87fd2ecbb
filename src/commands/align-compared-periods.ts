import { DateTime } from 'luxon';
import { describeWindow } from '../core/describe-window';
import type { Assumption } from '../core/report-request';

/** One side of a comparison of periods: its window, whether it runs until now, and its words. */
export interface ComparedPeriod {
  from: DateTime;
  to: DateTime;
  runsToNow?: true;
  phrase: string;
}

/**
 * A period that runs until now (`this week`, `today`, `since monday`) compared with a whole one
 * (`last week`) is compared over the same span (product-spec "Comparisons"): the whole one is cut
 * to the wall-clock length of the other from its own start (this week on Wednesday 10:00 → last
 * week Monday 00:00 to Wednesday 10:00), never beyond its own end; the assumption `same-span` says
 * so. Two that both run until now, or are both whole, are compared as they are.
 */
export function alignComparedPeriods(sides: readonly [ComparedPeriod, ComparedPeriod]): {
  sides: [ComparedPeriod, ComparedPeriod];
  assumption?: Assumption;
} {
  const [first, second] = sides;
  if (Boolean(first.runsToNow) === Boolean(second.runsToNow)) return { sides: [first, second] };
  const open = first.runsToNow ? first : second;
  const whole = first.runsToNow ? second : first;
  const elapsed = wallClock(open.to) - wallClock(open.from);
  const end = fromWallClock(wallClock(whole.from) + elapsed, whole.from.zoneName ?? 'UTC');
  if (end >= whole.to) return { sides: [first, second] };
  const cut = { ...whole, to: end };
  const window = describeWindow({
    from: cut.from.toJSDate(),
    to: cut.to.toJSDate(),
    timeZone: cut.from.zoneName ?? 'UTC',
  });
  const assumption = {
    code: 'same-span',
    text: `"${whole.phrase}" compared over the same span as "${open.phrase}", which runs until now: ${window}`,
  };
  return { sides: first === whole ? [cut, second] : [first, cut], assumption };
}

/** The local wall-clock time as milliseconds of a UTC calendar (a 25-hour day is 24 hours here). */
function wallClock(instant: DateTime): number {
  return instant.toMillis() + instant.offset * 60_000;
}

function fromWallClock(millis: number, zone: string): DateTime {
  const wall = DateTime.fromMillis(millis, { zone: 'utc' });
  return DateTime.fromObject(
    {
      year: wall.year,
      month: wall.month,
      day: wall.day,
      hour: wall.hour,
      minute: wall.minute,
      second: wall.second,
      millisecond: wall.millisecond,
    },
    { zone },
  );
}
