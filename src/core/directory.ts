/** The PBX's extensions and queues, for names and for telling internal numbers from external. */
export interface DirectoryUser {
  /** The extension number, e.g. `101`. */
  number: string;
  firstName: string;
  lastName: string;
  email?: string;
}

export interface DirectoryQueue {
  number: string;
  name: string;
}

export interface Directory {
  users: DirectoryUser[];
  queues: DirectoryQueue[];
}

/** `First Last`, as the spec names an extension. */
export function userName(user: DirectoryUser): string {
  return [user.firstName, user.lastName].filter((part) => part.length > 0).join(' ');
}
