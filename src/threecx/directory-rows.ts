import { z } from 'zod';
import type { DirectoryQueue, DirectoryUser } from '../core/directory';

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

/** A user with an extension number, or undefined. Without first and last name, DisplayName serves as the first. */
export function toDirectoryUser(raw: unknown): DirectoryUser | undefined {
  const parsed = rawUserSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.Number) return undefined;
  const row = parsed.data;
  let firstName = row.FirstName?.trim() ?? '';
  const lastName = row.LastName?.trim() ?? '';
  if (firstName === '' && lastName === '') firstName = row.DisplayName?.trim() ?? '';
  const user: DirectoryUser = { number: row.Number!, firstName, lastName };
  if (row.EmailAddress) user.email = row.EmailAddress;
  return user;
}

/** A queue with a number, or undefined. */
export function toDirectoryQueue(raw: unknown): DirectoryQueue | undefined {
  const parsed = rawQueueSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.Number) return undefined;
  return { number: parsed.data.Number, name: parsed.data.Name?.trim() ?? '' };
}
