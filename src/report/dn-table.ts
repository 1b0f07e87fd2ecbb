import { type Directory, userName } from '../core/directory';

/**
 * Bits describing a DN: a User's number, a Queue's number, wanted by an `ext` or `queue` filter,
 * within the asker's access scope, an extension whose own figures (`focus`) are asked for.
 */
export const DN_USER = 1;
export const DN_QUEUE = 2;
export const DN_EXTENSION_FILTER = 4;
export const DN_QUEUE_FILTER = 8;
export const DN_SCOPE = 16;
export const DN_FOCUS = 32;

/**
 * The DNs the report tracks per call (extensions, queues, and filtered-for numbers), each with a
 * small integer index so per-call state stores numbers instead of strings.
 */
export class DnTable {
  private readonly indexByDn = new Map<string, number>();
  private readonly numbers: string[] = [];
  private readonly kinds: number[] = [];
  private readonly userNames: string[] = [];
  private readonly queueNames: string[] = [];

  constructor(
    directory: Directory,
    filters: { extensions: readonly string[]; queues: readonly string[] },
    scope?: { extensions: readonly string[]; queues: readonly string[] },
    focusExtensions: readonly string[] = [],
  ) {
    for (const user of directory.users) this.register(user.number, DN_USER, userName(user), undefined);
    for (const queue of directory.queues) this.register(queue.number, DN_QUEUE, undefined, queue.name);
    for (const extension of filters.extensions) this.register(extension, DN_EXTENSION_FILTER);
    for (const queue of filters.queues) this.register(queue, DN_QUEUE_FILTER);
    for (const dn of [...(scope?.extensions ?? []), ...(scope?.queues ?? [])]) this.register(dn, DN_SCOPE);
    for (const extension of focusExtensions) this.register(extension, DN_FOCUS);
  }

  /** How many DNs are tracked; indexes run from 0 to size - 1. */
  get size(): number {
    return this.numbers.length;
  }

  /** The index of a tracked DN, or -1 (missing, a trunk, an IVR, an external number...). */
  indexOf(dn: string | undefined): number {
    if (dn === undefined) return -1;
    return this.indexByDn.get(dn) ?? -1;
  }

  kindsOf(index: number): number {
    return this.kinds[index] ?? 0;
  }

  numberOf(index: number): string {
    return this.numbers[index] ?? '';
  }

  /** The User's "First Last" ("" when the DN is not a User). */
  userNameOf(index: number): string {
    return this.userNames[index] ?? '';
  }

  /** The Queue's name ("" when the DN is not a Queue). */
  queueNameOf(index: number): string {
    return this.queueNames[index] ?? '';
  }

  private register(dn: string, kind: number, user?: string, queue?: string): void {
    if (dn === '') return;
    let index = this.indexByDn.get(dn);
    if (index === undefined) {
      index = this.numbers.length;
      this.indexByDn.set(dn, index);
      this.numbers.push(dn);
      this.kinds.push(0);
      this.userNames.push('');
      this.queueNames.push('');
    }
    this.kinds[index] = (this.kinds[index] ?? 0) | kind;
    // The directory's first entry for a number names it.
    if (user !== undefined && this.userNames[index] === '') this.userNames[index] = user;
    if (queue !== undefined && this.queueNames[index] === '') this.queueNames[index] = queue;
  }
}
