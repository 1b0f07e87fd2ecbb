import { type DemoCompany, displayNameOf } from './demo-company';
import { type DemoResponse, jsonResponse, odataErrorResponse } from './demo-response';
import type { ODataRow } from './odata-filter';
import { type ODataEntityRules, parseODataQueryOptions, projectRow } from './odata-query-options';
import { QUEUE_SCHEMA, USER_SCHEMA } from './odata-schemas';

/** `Users`, `Users(Number='101')`, `Users(1)`, `Queues`, `Queues(1)`: the directory as 3CX serves it. */
export function handleDirectoryRequest(
  entitySet: 'Users' | 'Queues',
  keyText: string | undefined,
  rawQuery: string,
  company: DemoCompany,
  baseUrl: string,
): DemoResponse {
  const rules: ODataEntityRules =
    entitySet === 'Users'
      ? {
          schema: USER_SCHEMA,
          entityName: 'Pbx.User',
          orderableFields: ['Id', 'Number', 'FirstName', 'LastName'],
        }
      : { schema: QUEUE_SCHEMA, entityName: 'Pbx.Queue', orderableFields: ['Id', 'Number', 'Name'] };
  const parsed = parseODataQueryOptions(rawQuery, rules);
  if (!parsed.ok) return odataErrorResponse(400, parsed.message);
  const options = parsed.value;
  const expandAgents = options.expand?.some((name) => name.toLowerCase() === 'agents') ?? false;
  let entities: Record<string, unknown>[] =
    entitySet === 'Users' ? toUserEntities(company) : toQueueEntities(company, expandAgents);
  const context = `${baseUrl}/xapi/v1/$metadata#${entitySet}`;
  if (keyText !== undefined) {
    const entity = entities.find((candidate) => matchesKey(candidate, keyText));
    if (!entity) return odataErrorResponse(404, `No ${entitySet} entity matches the key '${keyText}'.`);
    return jsonResponse(200, {
      '@odata.context': `${context}/$entity`,
      ...projectWithExpand(entity, options.select),
    });
  }
  if (options.filter) entities = entities.filter(options.filter as (row: ODataRow) => boolean);
  if (options.orderBy) {
    const { field, descending } = options.orderBy;
    entities = [...entities].sort((a, b) => {
      const order = String(a[field]).localeCompare(String(b[field]), 'en', { numeric: true });
      return descending ? -order : order;
    });
  }
  const count = entities.length;
  const page = entities.slice(
    options.skip,
    options.top === undefined ? undefined : options.skip + options.top,
  );
  return jsonResponse(200, {
    '@odata.context': context,
    ...(options.count ? { '@odata.count': count } : {}),
    value: page.map((entity) => projectWithExpand(entity, options.select)),
  });
}

/** `Number='101'` or `101` (the Id). */
function matchesKey(entity: Record<string, unknown>, keyText: string): boolean {
  const byNumber = /^Number='(.*)'$/.exec(decodeURIComponent(keyText));
  if (byNumber) return entity.Number === byNumber[1]!.replace(/''/g, "'");
  return String(entity.Id) === keyText;
}

function projectWithExpand(
  entity: Record<string, unknown>,
  select: string[] | undefined,
): Record<string, unknown> {
  const projected = projectRow(entity, select);
  return 'Agents' in entity && select ? { ...projected, Agents: entity.Agents } : projected;
}

function toUserEntities(company: DemoCompany): Record<string, unknown>[] {
  return company.users.map((user) => ({
    Id: user.id,
    Number: user.number,
    FirstName: user.firstName,
    LastName: user.lastName,
    DisplayName: displayNameOf(user),
    EmailAddress: user.email,
    Mobile: '',
    IsRegistered: true,
  }));
}

function toQueueEntities(company: DemoCompany, expandAgents: boolean): Record<string, unknown>[] {
  return company.queues.map((queue) => ({
    Id: queue.id,
    Number: queue.number,
    Name: queue.name,
    PollingStrategy: 'Hunt',
    RingTimeout: 20,
    ...(expandAgents
      ? {
          Agents: queue.agents.map((number, index) => {
            const user = company.userByNumber.get(number);
            return {
              Id: queue.id * 100 + index + 1,
              Number: number,
              Name: user ? displayNameOf(user) : number,
            };
          }),
        }
      : {}),
  }));
}

/** `GET /Defs`: a small object, enough for connectivity checks. */
export function handleDefsRequest(baseUrl: string): DemoResponse {
  return jsonResponse(200, {
    '@odata.context': `${baseUrl}/xapi/v1/$metadata#Defs/$entity`,
    Id: 0,
    Codecs: ['G722', 'PCMU', 'PCMA', 'OPUS', 'G729'],
    TimeZones: [{ Id: 'GMT Standard Time', Name: '(UTC+00:00) Dublin, Edinburgh, Lisbon, London' }],
    Version: '20.0.10.923',
  });
}
