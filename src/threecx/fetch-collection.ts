import { PbxHttpError } from './errors';
import type { XapiRequester } from './xapi-requester';

/** Most requests a collection may take, against a PBX whose `@odata.count` never stops growing. */
const MAX_PAGES = 1000;

/**
 * Every entity of an XAPI collection (`/xapi/v1/Users`, `/xapi/v1/Queues`): asks for all with
 * `$count=true` and follows with `$skip` while `@odata.count` says the PBX held some back.
 */
export async function fetchCollection(
  requester: XapiRequester,
  path: string,
  select: string[],
): Promise<unknown[]> {
  const entities: unknown[] = [];
  for (let pageIndex = 0; pageIndex < MAX_PAGES; pageIndex++) {
    const skip = entities.length === 0 ? '' : `&$skip=${entities.length}`;
    const json = await requester.getJson(`${path}?$select=${select.join(',')}&$count=true${skip}`);
    const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
    if (!Array.isArray(body.value))
      throw new PbxHttpError(200, `GET ${path}`, 'the answer has no "value" list');
    if (body.value.length === 0) break;
    for (const entity of body.value) entities.push(entity); // no spread: a huge list would overflow the stack
    const count = body['@odata.count'];
    if (typeof count !== 'number' || entities.length >= count) break;
  }
  return entities;
}
