import type { DirectoryPerson } from '../commands/parse-command';
import type { Directory } from '../core/directory';

/** The PBX's users as the parser reads names against them (`ParseContext.directory`). */
export function toDirectoryPeople(directory: Directory): DirectoryPerson[] {
  return directory.users.map((user) => ({
    extension: user.number,
    firstName: user.firstName,
    lastName: user.lastName,
  }));
}
