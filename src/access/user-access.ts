import type { ChatUser } from '../core/chat-user';
import type { CallScope } from '../core/report-request';
import type { AccessPolicy } from './access-policy';
import { matchesPerson } from './person-ref';
import type { UnmappedAccess } from './unmapped-access';

/**
 * `admin`: every call, any digest. `viewer`: every call (an unmapped user under
 * ACCESS_UNMAPPED=all, or on the demo PBX with ACCESS_UNMAPPED unset). `manager`: the extensions,
 * queues and departments of their grants plus their own extension. `agent`: their own extension.
 * `none`: nothing (unmapped, by default with a real PBX; and anyone whose identity could not be
 * looked up, unless an admin by platform id).
 */
export type AccessRole = 'admin' | 'viewer' | 'manager' | 'agent' | 'none';

/** A user's rights, worked out from the policy and their extensions. */
export interface UserAccess {
  role: AccessRole;
  /** The asker's own extensions (pinned or matched by e-mail); empty when unlinked. */
  ownExtensions: string[];
  /** What they may see; undefined for every call (admin, viewer). */
  scope: CallScope | undefined;
  /** True for an unlinked viewer let in by the demo rule (`UnmappedAccess` `demo`): replies say so. */
  demo?: boolean;
}

/**
 * True when the policy names `user` as an admin. A user whose identity could not be looked up
 * counts only by their platform id (Slack user id, Entra object id), never by an e-mail.
 */
export function isPolicyAdmin(policy: AccessPolicy, user: ChatUser): boolean {
  return policy.admins.some(
    (person) => !(user.identityUnknown && person.kind === 'email') && matchesPerson(person, user),
  );
}

/** The role and scope of `user`, given their own extensions. */
export function computeUserAccess(
  policy: AccessPolicy,
  user: ChatUser,
  ownExtensions: readonly string[],
  unmapped: UnmappedAccess,
): UserAccess {
  const own = [...ownExtensions];
  if (isPolicyAdmin(policy, user)) return { role: 'admin', ownExtensions: own, scope: undefined };
  // Not knowing who this is must never widen access (ACCESS_UNMAPPED=all): nothing until they can be looked up.
  if (user.identityUnknown) return { role: 'none', ownExtensions: [], scope: undefined };
  const grants = policy.managers.filter((grant) =>
    grant.people.some((person) => matchesPerson(person, user)),
  );
  if (grants.length > 0) {
    const extensions = new Set(own);
    const queues = new Set<string>();
    for (const grant of grants) {
      for (const extension of grant.extensions) extensions.add(extension);
      for (const queue of grant.queues) queues.add(queue);
      for (const name of grant.departments) {
        const department = policy.departments.get(name);
        for (const extension of department?.extensions ?? []) extensions.add(extension);
        for (const queue of department?.queues ?? []) queues.add(queue);
      }
    }
    return {
      role: 'manager',
      ownExtensions: own,
      scope: { extensions: [...extensions], queues: [...queues] },
    };
  }
  if (own.length > 0) return { role: 'agent', ownExtensions: own, scope: { extensions: own, queues: [] } };
  if (unmapped === 'all') return { role: 'viewer', ownExtensions: [], scope: undefined };
  if (unmapped === 'demo') return { role: 'viewer', ownExtensions: [], scope: undefined, demo: true };
  return { role: 'none', ownExtensions: [], scope: undefined };
}
