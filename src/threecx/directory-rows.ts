import { z } from 'zod';
import type { DirectoryQueue, DirectoryUser } from '../core/directory';
import { stripBidiControls } from '../core/strip-bidi-controls';

/** 3CX's `Users` and `Queues` entities: the only place their field names appear. Lenient like the call log. */
const text = z.string().nullish();

const rawUserSchema = z.looseObject({
  Id: z.union([z.number(), z.string()]).nullish(),
  Number: text,
  FirstName: text,
  LastName: text,
  DisplayName: text,
  EmailAddress: text,
});

const rawQueueSchema = z.looseObject({
  Id: z.union([z.number(), z.string()]).nullish(),
  Number: text,
  Name: text,
});

export const USER_FIELDS = ['Id', 'Number', 'FirstName', 'LastName', 'DisplayName', 'EmailAddress'];
export const QUEUE_FIELDS = ['Id', 'Number', 'Name'];

/**
 * A user with an extension number, or undefined. Without first and last name, DisplayName serves
 * as the first. Names lose their bidi controls here, so every reply that shows them is free of them.
 */
export function toDirectoryUser(raw: unknown): DirectoryUser | undefined {
  const parsed = rawUserSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.Number) return undefined;
  const row = parsed.data;
  let firstName = cleanName(row.FirstName);
  const lastName = cleanName(row.LastName);
  if (firstName === '' && lastName === '') firstName = cleanName(row.DisplayName);
  const user: DirectoryUser = { number: row.Number!, firstName, lastName };
  if (row.EmailAddress) user.email = row.EmailAddress;
  return user;
}

/** A queue with a number, or undefined; its name without bidi controls, as for users. */
export function toDirectoryQueue(raw: unknown): DirectoryQueue | undefined {
  const parsed = rawQueueSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.Number) return undefined;
  return { number: parsed.data.Number, name: cleanName(parsed.data.Name) };
}

function cleanName(name: string | null | undefined): string {
  return stripBidiControls(name ?? '').trim();
}
