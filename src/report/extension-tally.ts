import type { ExtensionFocus } from '../core/answers';
import type { ExtensionStats } from '../core/report';
import type { CallFacts } from './call-facts';
import type { CallTable } from './call-table';
import { compareNumbers } from './compare-numbers';
import { DN_FOCUS, DN_USER, type DnTable } from './dn-table';
import { INVOLVED_ANSWERED_TO, INVOLVED_LEG_TO, INVOLVED_PERSON_TO } from './involvement-pool';
import { averageMicrosToSeconds, roundMicrosToSeconds } from './round-half-up';

// Module-local copies of the bits read for every call: CommonJS output reads imports through getters.
const EXTENSION = DN_USER | DN_FOCUS;
const ANSWERED_TO = INVOLVED_ANSWERED_TO;
const LEG_TO = INVOLVED_LEG_TO;
const PERSON_TO = INVOLVED_PERSON_TO;

/**
 * Per-extension counts over the reported calls, indexed like the DnTable: the `byExtension`
 * figures and each extension's own (`focus`), for every User and every extension named for focus.
 */
export class ExtensionTally {
  /** byExtension: calls involving it; answered to it; missed with any leg to it; outbound from it; talk. */
  private readonly calls: Int32Array;
  private readonly answered: Int32Array;
  private readonly missed: Int32Array;
  private readonly outbound: Int32Array;
  private readonly talkMicros: Float64Array;
  /** focus: calls with a person leg to it; of those, missed; calls in which it talked; its answered legs' ringing. */
  private readonly offered: Int32Array;
  private readonly offeredMissed: Int32Array;
  private readonly talkedCalls: Int32Array;
  private readonly answeredRingMicros: Float64Array;
  private readonly answeredLegs: Int32Array;

  /**
   * `ownFigures`: also count what only `focus` and `top extensions` show (offered, missed by all,
   * calls talked in, ringing); without, those stay 0. The ringing also needs the CallTable's.
   */
  constructor(
    private readonly dnTable: DnTable,
    private readonly ownFigures: boolean,
  ) {
    const size = dnTable.size;
    this.calls = new Int32Array(size);
    this.answered = new Int32Array(size);
    this.missed = new Int32Array(size);
    this.outbound = new Int32Array(size);
    this.talkMicros = new Float64Array(size);
    this.offered = new Int32Array(size);
    this.offeredMissed = new Int32Array(size);
    this.talkedCalls = new Int32Array(size);
    this.answeredRingMicros = new Float64Array(size);
    this.answeredLegs = new Int32Array(size);
  }

  /** Counts a reported call for every extension it involves. */
  addCall(table: CallTable, slot: number, facts: CallFacts): void {
    const records = table.involvementRecords;
    const firstSource = table.firstSourceDnOf(slot);
    for (let record = table.involvementHeadOf(slot); record !== -1; record = records.nextOf(record)) {
      const dn = records.dnOf(record);
      if (!(this.dnTable.kindsOf(dn) & EXTENSION)) continue;
      const flags = records.flagsOf(record);
      const talkMicros = records.talkMicrosOf(record);
      this.calls[dn]! += 1;
      if (flags & ANSWERED_TO) this.answered[dn]! += 1;
      if (facts.missed && flags & LEG_TO) this.missed[dn]! += 1;
      if (facts.direction === 'outbound' && firstSource === dn) this.outbound[dn]! += 1;
      this.talkMicros[dn]! += talkMicros;
      if (!this.ownFigures) continue;
      if (flags & PERSON_TO) {
        this.offered[dn]! += 1;
        if (facts.missed) this.offeredMissed[dn]! += 1;
      }
      if (talkMicros > 0) this.talkedCalls[dn]! += 1;
      if (flags & ANSWERED_TO) {
        this.answeredRingMicros[dn]! += records.answeredRingMicrosOf(record);
        this.answeredLegs[dn]! += records.answeredLegsOf(record);
      }
    }
  }

  /** Every extension in a reported call (within `visible` when given), by calls desc then number. */
  toExtensionStats(visible: ReadonlySet<string> | undefined): ExtensionStats[] {
    const stats: ExtensionStats[] = [];
    for (let dn = 0; dn < this.dnTable.size; dn++) {
      const extension = this.dnTable.numberOf(dn);
      if (!this.isListed(dn, visible)) continue;
      stats.push({
        extension,
        name: this.dnTable.userNameOf(dn),
        calls: this.calls[dn]!,
        answered: this.answered[dn]!,
        missed: this.missed[dn]!,
        outbound: this.outbound[dn]!,
        talkSeconds: roundMicrosToSeconds(this.talkMicros[dn]!),
      });
    }
    return stats.sort((a, b) => b.calls - a.calls || compareNumbers(a.extension, b.extension));
  }

  /**
   * The own figures (counted only with `ownFigures`) of each of `extensions` within `visible` (when
   * given), in the order given, also of one without calls (zeros) or not in the directory (name "").
   */
  toFocus(extensions: readonly string[], visible: ReadonlySet<string> | undefined): ExtensionFocus[] {
    return extensions
      .filter((extension) => visible === undefined || visible.has(extension))
      .map((extension) => this.focusOf(extension, this.dnTable.indexOf(extension)));
  }

  /** The own figures of every extension (User) in a reported call, within `visible` when given; unordered. */
  toFocusOfEveryExtension(visible: ReadonlySet<string> | undefined): ExtensionFocus[] {
    const focus: ExtensionFocus[] = [];
    for (let dn = 0; dn < this.dnTable.size; dn++) {
      if (this.isListed(dn, visible)) focus.push(this.focusOf(this.dnTable.numberOf(dn), dn));
    }
    return focus;
  }

  /** A User involved in a reported call, within `visible` when given. */
  private isListed(dn: number, visible: ReadonlySet<string> | undefined): boolean {
    if (!(this.dnTable.kindsOf(dn) & DN_USER) || this.calls[dn] === 0) return false;
    return visible === undefined || visible.has(this.dnTable.numberOf(dn));
  }

  private focusOf(extension: string, dn: number): ExtensionFocus {
    if (dn < 0) return { ...emptyFocus(), extension };
    const talkMicros = this.talkMicros[dn]!;
    return {
      extension,
      name: this.dnTable.userNameOf(dn),
      offered: this.offered[dn]!,
      answered: this.answered[dn]!,
      notPickedUp: this.offered[dn]! - this.answered[dn]!,
      missed: this.offeredMissed[dn]!,
      outbound: this.outbound[dn]!,
      talkSeconds: roundMicrosToSeconds(talkMicros),
      avgTalkSeconds: averageMicrosToSeconds(talkMicros, this.talkedCalls[dn]!),
      avgRingSeconds: averageMicrosToSeconds(this.answeredRingMicros[dn]!, this.answeredLegs[dn]!),
    };
  }
}

function emptyFocus(): ExtensionFocus {
  return {
    extension: '',
    name: '',
    offered: 0,
    answered: 0,
    notPickedUp: 0,
    missed: 0,
    outbound: 0,
    talkSeconds: 0,
    avgTalkSeconds: 0,
    avgRingSeconds: 0,
  };
}
