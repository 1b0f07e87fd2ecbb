import type { PersonRef } from './person-ref';

/** Extensions and queues, as a department or a manager's grant lists them (numbers as text). */
export interface DnList {
  extensions: string[];
  queues: string[];
}

/** What one `managers` entry grants to the people it names. */
export interface ManagerGrant extends DnList {
  people: PersonRef[];
  /** Department names, each defined under `departments`. */
  departments: string[];
}

/** A chat user pinned to extensions by hand (when e-mails do not match). */
export interface IdentityPin {
  person: PersonRef;
  extensions: string[];
}

/**
 * Who may see which calls (the ACCESS_POLICY file, validated). Admins see every call and manage
 * any digest; managers see what their grants list; everyone else mapped to an extension is an
 * agent of it. An empty policy (no file) makes every mapped user an agent and nobody an admin.
 */
export interface AccessPolicy {
  admins: PersonRef[];
  managers: ManagerGrant[];
  /** Department name -> its extensions and queues. */
  departments: Map<string, DnList>;
  identities: IdentityPin[];
}

/** The policy in force when ACCESS_POLICY is not set. */
export function emptyAccessPolicy(): AccessPolicy {
  return { admins: [], managers: [], departments: new Map(), identities: [] };
}
