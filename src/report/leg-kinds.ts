import type { CallDirection } from '../core/report-request';

/**
 * How a leg counts. `person`: a person's leg (Extension, External, anything else, or no CallType);
 * `queue`: the PBX holding the caller in a queue (waiting time); `system`: System or Digital
 * Receptionist legs, the PBX's own menus (not waiting, never answering).
 */
export type LegRole = 'person' | 'queue' | 'system';

/** The role of a leg from 3CX's CallType (our `legType`); matching ignores case and spaces around. */
export function classifyLegType(legType: string | undefined): LegRole {
  switch (legType) {
    case undefined:
    case '':
    case 'Extension':
    case 'External':
      return 'person';
    case 'Queue':
      return 'queue';
    case 'System':
    case 'Digital Receptionist':
      return 'system';
  }
  const normalized = legType.trim().toLowerCase();
  if (normalized === 'queue') return 'queue';
  if (normalized === 'system' || normalized === 'digital receptionist') return 'system';
  return 'person';
}

/** The call direction 3CX's Direction names, or undefined when absent or not one of its four values. */
export function parseDirection(direction: string | undefined): CallDirection | undefined {
  switch (direction) {
    case undefined:
    case '':
      return undefined;
    case 'Inbound':
    case 'Inbound Queue':
      return 'inbound';
    case 'Outbound':
      return 'outbound';
    case 'Internal':
      return 'internal';
  }
  switch (direction.trim().toLowerCase()) {
    case 'inbound':
    case 'inbound queue':
      return 'inbound';
    case 'outbound':
      return 'outbound';
    case 'internal':
      return 'internal';
    default:
      return undefined;
  }
}

/** True when 3CX's Status says the leg was answered (`Answered`, any case). */
export function isAnsweredStatus(status: string | undefined): boolean {
  switch (status) {
    case 'Answered':
      return true;
    case undefined:
    case '':
    case 'Unanswered':
    case 'Waiting':
    case 'Redirected':
      return false;
  }
  return status.trim().toLowerCase() === 'answered';
}

/** What an internal DN is: a User's number (an extension), a Queue's number, or neither (undefined). */
export type InternalDnKind = 'user' | 'queue' | undefined;

/**
 * A call's direction from its first leg (spec "Direction"): 3CX's `Direction`; where it is absent,
 * by the leg's DNs (`directionByDns`).
 */
export function directionOfFirstLeg(
  leg: { direction?: string; sourceDn?: string; destinationDn?: string },
  kindOf: (dn: string | undefined) => InternalDnKind,
): CallDirection {
  return (
    parseDirection(leg.direction) ??
    directionByDns(kindOf(leg.sourceDn), kindOf(leg.destinationDn) !== undefined)
  );
}

/**
 * The direction of a first leg without 3CX's `Direction`, by its DNs: both sides internal →
 * internal; the source an extension and the destination not internal → outbound; otherwise
 * inbound. The one rule for the call-backs' facts and the report engine's CallTable.
 */
export function directionByDns(source: InternalDnKind, destinationInternal: boolean): CallDirection {
  if (source !== undefined && destinationInternal) return 'internal';
  if (source === 'user' && !destinationInternal) return 'outbound';
  return 'inbound';
}
