import type { CallLeg } from '../../src/core/call-leg';
import type { Directory } from '../../src/core/directory';
import type { Report } from '../../src/core/report';
import { emptyFilters, type ReportFilters } from '../../src/core/report-request';
import { buildReport, type ReportBuilderOptions } from '../../src/report/report-builder';
import { reportSchema } from '../../src/report/report-schema';

/** Users 99, 101–103 and queues 800, 801; 10000 is the trunk and 8000 the IVR (neither listed). */
export const directory: Directory = {
  users: [
    { number: '101', firstName: 'Ben', lastName: 'Okafor' },
    { number: '102', firstName: 'Chloé', lastName: 'Durand' },
    { number: '103', firstName: 'Dana', lastName: '' },
    { number: '99', firstName: 'Zed', lastName: 'Young' },
  ],
  queues: [
    { number: '800', name: 'Sales' },
    { number: '801', name: 'Support' },
  ],
};

/** Mon 16 – Sun 22 Nov 2026 in Berlin (`last week` in the spec's example). */
export const berlinWeek = {
  from: new Date('2026-11-15T23:00:00.000Z'),
  to: new Date('2026-11-22T23:00:00.000Z'),
  timeZone: 'Europe/Berlin',
};

export interface TestReportOptions extends Partial<Omit<ReportBuilderOptions, 'filters'>> {
  filters?: Partial<ReportFilters>;
}

/** Builds a report over `legs` (Berlin week, no filters, SL 20 s by default) and checks it against the schema. */
export async function reportOf(legs: CallLeg[], options: TestReportOptions = {}): Promise<Report> {
  const report = await buildReport(legs, {
    window: berlinWeek,
    directory,
    serviceLevelSeconds: 20,
    includeCalls: false,
    ...options,
    filters: { ...emptyFilters(), ...options.filters },
  });
  reportSchema.parse(report);
  return report;
}

/** A fresh array with the same legs in a pseudo-random order (deterministic for a seed). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}
