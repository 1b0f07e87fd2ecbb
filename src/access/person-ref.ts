import type { ChatUser } from '../core/chat-user';

/**
 * A person as the access policy names them: by e-mail (any platform, case-insensitive), by Slack
 * user id (`U0123ABCD`), or by Teams (Entra ID) object id (a GUID, case-insensitive).
 */
export type PersonRef =
  | { kind: 'email'; email: string }
  | { kind: 'slack'; id: string }
  | { kind: 'aad'; id: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
const AAD_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a policy entry; undefined when it is none of the three forms. */
export function readPersonRef(text: string): PersonRef | undefined {
  const value = text.trim();
  if (EMAIL.test(value)) return { kind: 'email', email: value.toLowerCase() };
  if (SLACK_USER_ID.test(value)) return { kind: 'slack', id: value };
  if (AAD_OBJECT_ID.test(value)) return { kind: 'aad', id: value.toLowerCase() };
  return undefined;
}

/** True when `ref` names `user`: the e-mail on any platform, a Slack id on Slack, an object id on Teams. */
export function matchesPerson(ref: PersonRef, user: ChatUser): boolean {
  switch (ref.kind) {
    case 'email':
      return user.email !== undefined && user.email.trim().toLowerCase() === ref.email;
    case 'slack':
      return user.platform === 'slack' && user.id === ref.id;
    case 'aad':
      return user.platform === 'teams' && user.id.toLowerCase() === ref.id;
  }
}

/** The policy's spelling of a person, for messages. */
export function describePerson(ref: PersonRef): string {
  return ref.kind === 'email' ? ref.email : ref.id;
}
