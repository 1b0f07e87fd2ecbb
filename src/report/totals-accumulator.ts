import type { ReportTotals } from '../core/report';
import type { CallFacts } from './call-facts';
import { averageMicrosToSeconds, roundMicrosToSeconds, roundRatioHalfUp } from './round-half-up';

/** Exact sums over the reported calls; rounded once in `toTotals`. */
export class TotalsAccumulator {
  private calls = 0;
  private readonly byDirection = { inbound: 0, outbound: 0, internal: 0 };
  private answered = 0;
  private missed = 0;
  private talkMicros = 0;
  private answeredTalkMicros = 0;
  private longestTalkMicros = 0;
  private answeredInbound = 0;
  private answeredInboundWaitMicros = 0;
  private withinServiceLevel = 0;

  /** `serviceLevelMicros`: the longest wait that still counts as within the service level. */
  constructor(private readonly serviceLevelMicros: number) {}

  add(facts: CallFacts): void {
    this.calls += 1;
    this.byDirection[facts.direction] += 1;
    this.talkMicros += facts.talkMicros;
    if (facts.talkMicros > this.longestTalkMicros) this.longestTalkMicros = facts.talkMicros;
    if (facts.missed) this.missed += 1;
    if (!facts.answered) return;
    this.answered += 1;
    this.answeredTalkMicros += facts.talkMicros;
    if (facts.direction !== 'inbound') return;
    this.answeredInbound += 1;
    this.answeredInboundWaitMicros += facts.waitMicros;
    if (facts.waitMicros <= this.serviceLevelMicros) this.withinServiceLevel += 1;
  }

  toTotals(): ReportTotals {
    const inbound = this.byDirection.inbound;
    return {
      calls: this.calls,
      inbound,
      outbound: this.byDirection.outbound,
      internal: this.byDirection.internal,
      answered: this.answered,
      missed: this.missed,
      talkSeconds: roundMicrosToSeconds(this.talkMicros),
      avgTalkSeconds: averageMicrosToSeconds(this.answeredTalkMicros, this.answered),
      avgWaitSeconds: averageMicrosToSeconds(this.answeredInboundWaitMicros, this.answeredInbound),
      longestTalkSeconds: roundMicrosToSeconds(this.longestTalkMicros),
      serviceLevelPercent: inbound > 0 ? roundRatioHalfUp(100 * this.withinServiceLevel, inbound) : 0,
    };
  }
}
