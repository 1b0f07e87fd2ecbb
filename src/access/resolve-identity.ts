import type { ChatUser } from '../core/chat-user';
import type { Directory } from '../core/directory';
import type { AccessPolicy } from './access-policy';
import { matchesPerson } from './person-ref';

/**
 * Who a chat user is on the PBX: the extensions pinned to them in the policy, else the 3CX users
 * whose EmailAddress equals their chat e-mail (case-insensitive). Several matching users (a desk
 * phone and a softphone under one address) give several extensions. The e-mail index is built
 * once per directory (the PBX client caches the directory).
 */
export class IdentityResolver {
  private readonly indexes = new WeakMap<Directory, Map<string, string[]>>();

  constructor(
    private readonly policy: AccessPolicy,
    private readonly getDirectory: () => Promise<Directory>,
  ) {}

  /**
   * The user's extensions; empty when they are not linked to any, or when who they are could not be
   * looked up (`identityUnknown`). A failed directory read rejects (the request fails, it is never
   * answered as if the user were unlinked).
   */
  async extensionsOf(user: ChatUser): Promise<string[]> {
    if (user.identityUnknown) return [];
    const pinned = this.policy.identities
      .filter((pin) => matchesPerson(pin.person, user))
      .flatMap((pin) => pin.extensions);
    if (pinned.length > 0) return [...new Set(pinned)];
    const email = user.email?.trim().toLowerCase();
    if (!email) return [];
    const index = this.indexOf(await this.getDirectory());
    return [...(index.get(email) ?? [])];
  }

  private indexOf(directory: Directory): Map<string, string[]> {
    let index = this.indexes.get(directory);
    if (index) return index;
    index = new Map();
    for (const user of directory.users) {
      const email = user.email?.trim().toLowerCase();
      if (!email || user.number === '') continue;
      const numbers = index.get(email) ?? [];
      if (!numbers.includes(user.number)) numbers.push(user.number);
      index.set(email, numbers);
    }
    this.indexes.set(directory, index);
    return index;
  }
}
