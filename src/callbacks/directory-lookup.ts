import { type Directory, userName } from '../core/directory';
import type { InternalDnKind } from '../report/leg-kinds';

/** What call-backs ask of the PBX directory: what a DN is, and an extension's name. */
export interface DirectoryLookup {
  kindOf(dn: string | undefined): InternalDnKind;
  /** The User's "First Last", or '' when the DN is no User's. */
  nameOf(dn: string): string;
}

/** The directory as lookups by number (its first non-empty name names an extension, as in reports). */
export function lookUpDirectory(directory: Directory): DirectoryLookup {
  const users = new Map<string, string>();
  const queues = new Set<string>();
  for (const user of directory.users) if (!users.get(user.number)) users.set(user.number, userName(user));
  for (const queue of directory.queues) queues.add(queue.number);
  return {
    kindOf: (dn) => {
      if (dn === undefined || dn === '') return undefined;
      if (users.has(dn)) return 'user';
      return queues.has(dn) ? 'queue' : undefined;
    },
    nameOf: (dn) => users.get(dn) ?? '',
  };
}
