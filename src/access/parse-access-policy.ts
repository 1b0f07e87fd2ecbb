import { isMap, LineCounter, type Node, parseDocument } from 'yaml';
import type { AccessPolicy, DnList, IdentityPin, ManagerGrant } from './access-policy';
import { type PersonRef, readPersonRef } from './person-ref';
import {
  type PolicyEntry,
  type PolicyIssue,
  type PolicyScalar,
  PolicyYamlReader,
} from './policy-yaml-reader';

export type { PolicyIssue } from './policy-yaml-reader';

export type ParsePolicyResult = { ok: true; policy: AccessPolicy } | { ok: false; issues: PolicyIssue[] };

const TOP_KEYS = ['version', 'admins', 'managers', 'departments', 'identities'] as const;
const MANAGER_KEYS = ['who', 'extensions', 'queues', 'departments'] as const;
const DEPARTMENT_KEYS = ['extensions', 'queues'] as const;
const DN_NUMBER = /^\d{1,12}$/;
const PERSON_FORMS = 'an e-mail, a Slack user id (U0123ABCD) or a Teams object id (a GUID)';

/**
 * Reads an access policy (YAML) into an `AccessPolicy`, or every problem with its line number.
 * Scalars are read as text (YAML's failsafe schema), so extension `0101` stays `0101`.
 */
export function parseAccessPolicy(text: string): ParsePolicyResult {
  const lines = new LineCounter();
  const document = parseDocument(text, { schema: 'failsafe', lineCounter: lines, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      issues: document.errors.map((error) => ({
        line: error.linePos?.[0].line ?? 1,
        message: `YAML syntax: ${firstLine(error.message)}`,
      })),
    };
  }
  const reader = new PolicyYamlReader(lines);
  const policy = readPolicy(reader, document.contents as Node | null);
  if (reader.issues.length > 0) {
    return { ok: false, issues: [...reader.issues].sort((a, b) => a.line - b.line) };
  }
  return { ok: true, policy };
}

function readPolicy(reader: PolicyYamlReader, root: Node | null): AccessPolicy {
  const policy: AccessPolicy = { admins: [], managers: [], departments: new Map(), identities: [] };
  if (root !== null && !isMap(root) && !reader.isEmpty(root)) {
    reader.report(
      reader.lineOf(root),
      'the policy must be a mapping with admins, managers, departments and identities (see docs/access-policy.example.yaml)',
    );
    return policy;
  }
  const entries = reader.readMap(root, 1, '') ?? [];
  reader.rejectUnknownKeys(entries, TOP_KEYS, '');
  const departmentRefs: PolicyScalar[] = [];
  for (const entry of entries) {
    switch (entry.key.text) {
      case 'version':
        readVersion(reader, entry);
        break;
      case 'admins':
        policy.admins = readPeople(reader, entry.value, entry.key.line, "'admins'");
        break;
      case 'managers':
        policy.managers = readManagers(reader, entry, departmentRefs);
        break;
      case 'departments':
        policy.departments = readDepartments(reader, entry);
        break;
      case 'identities':
        policy.identities = readIdentities(reader, entry);
        break;
    }
  }
  for (const ref of departmentRefs) {
    if (policy.departments.has(ref.text)) continue;
    const known = [...policy.departments.keys()];
    const list = known.length > 0 ? `defined: ${known.join(', ')}` : 'none is defined';
    reader.report(ref.line, `department '${ref.text}' is not defined under 'departments' (${list})`);
  }
  return policy;
}

function readVersion(reader: PolicyYamlReader, entry: PolicyEntry): void {
  const version = reader.readScalar(entry.value, entry.key.line, "'version'");
  if (version && version.text !== '1')
    reader.report(version.line, `'version' must be 1, not '${version.text}'`);
}

function readPeople(
  reader: PolicyYamlReader,
  node: Node | null,
  line: number,
  what: string,
  acceptSingle = false,
): PersonRef[] {
  const scalars = reader.readScalarList(
    node,
    line,
    `${what} must be a list of people (${PERSON_FORMS}), e.g. [alice@example.com]`,
    `each entry of ${what} must be one person (${PERSON_FORMS})`,
    acceptSingle,
  );
  return (scalars ?? []).flatMap((scalar) => {
    const person = readPersonRef(scalar.text);
    if (person) return [person];
    reader.report(scalar.line, `'${scalar.text}' in ${what} is not ${PERSON_FORMS}`);
    return [];
  });
}

function readNumbers(
  reader: PolicyYamlReader,
  node: Node | null,
  line: number,
  key: 'extensions' | 'queues',
  acceptSingle = false,
  label = `'${key}'`,
): string[] {
  const noun = key === 'extensions' ? 'extension' : 'queue';
  const example = key === 'extensions' ? '[101, 102]' : '[800]';
  const single = key === 'extensions' ? 'an extension number, e.g. 101' : 'a queue number, e.g. 800';
  const scalars = reader.readScalarList(
    node,
    line,
    `${label} must be a list of ${noun} numbers, e.g. ${example}`,
    `each entry of ${label} must be ${single}`,
    acceptSingle,
  );
  return unique(
    (scalars ?? []).flatMap((scalar) => {
      if (DN_NUMBER.test(scalar.text)) return [scalar.text];
      reader.report(
        scalar.line,
        `'${scalar.text}' in ${label} is not ${single.replace(', e.g.', ' (digits only, e.g.')})`,
      );
      return [];
    }),
  );
}

function readDnList(reader: PolicyYamlReader, entries: readonly PolicyEntry[]): DnList {
  const list: DnList = { extensions: [], queues: [] };
  for (const entry of entries) {
    if (entry.key.text === 'extensions' || entry.key.text === 'queues') {
      list[entry.key.text] = readNumbers(reader, entry.value, entry.key.line, entry.key.text);
    }
  }
  return list;
}

function readManagers(
  reader: PolicyYamlReader,
  entry: PolicyEntry,
  departmentRefs: PolicyScalar[],
): ManagerGrant[] {
  const items = reader.readNodeList(
    entry.value,
    entry.key.line,
    "'managers' must be a list of entries like { who: carol@example.com, queues: [800] }",
  );
  const grants: ManagerGrant[] = [];
  for (const item of items ?? []) {
    const line = reader.lineOf(item, entry.key.line);
    const fields = reader.readMap(
      item,
      line,
      "each entry of 'managers' must be a mapping like { who: carol@example.com, queues: [800] }",
    );
    if (!fields) continue;
    reader.rejectUnknownKeys(fields, MANAGER_KEYS, ' in a manager entry');
    const who = fields.find((field) => field.key.text === 'who');
    if (!who || reader.isEmpty(who.value)) {
      reader.report(who?.key.line ?? line, `a manager entry needs 'who': ${PERSON_FORMS}, or a list of them`);
      continue;
    }
    const people = readPeople(reader, who.value, who.key.line, "'who'", true);
    const grant: ManagerGrant = { people, ...readDnList(reader, fields), departments: [] };
    const departments = fields.find((field) => field.key.text === 'departments');
    if (departments) {
      const names = reader.readScalarList(
        departments.value,
        departments.key.line,
        "'departments' must be a list of department names, e.g. [Support]",
        "each entry of 'departments' must be one department name, e.g. Support",
      );
      departmentRefs.push(...(names ?? []));
      grant.departments = unique((names ?? []).map((name) => name.text));
    }
    const grantsSomething = fields.some((field) => field.key.text !== 'who' && !reader.isEmpty(field.value));
    if (!grantsSomething) {
      reader.report(line, 'a manager entry gives nothing to see: add extensions, queues or departments');
    }
    grants.push(grant);
  }
  return grants;
}

function readDepartments(reader: PolicyYamlReader, entry: PolicyEntry): Map<string, DnList> {
  const departments = new Map<string, DnList>();
  const names = reader.readMap(
    entry.value,
    entry.key.line,
    "'departments' must map names to extensions and queues, e.g. Support: { extensions: [108], queues: [801] }",
  );
  for (const department of names ?? []) {
    const fields = reader.readMap(
      department.value,
      department.key.line,
      `department '${department.key.text}' must be a mapping with extensions and/or queues, e.g. { extensions: [108], queues: [801] }`,
    );
    if (!fields) continue;
    reader.rejectUnknownKeys(fields, DEPARTMENT_KEYS, ` in department '${department.key.text}'`);
    departments.set(department.key.text, readDnList(reader, fields));
  }
  return departments;
}

function readIdentities(reader: PolicyYamlReader, entry: PolicyEntry): IdentityPin[] {
  const people = reader.readMap(
    entry.value,
    entry.key.line,
    "'identities' must map people to their extension, e.g. erin@contoso.com: 105",
  );
  const pins: IdentityPin[] = [];
  for (const pin of people ?? []) {
    const person = readPersonRef(pin.key.text);
    if (!person) reader.report(pin.key.line, `'${pin.key.text}' in 'identities' is not ${PERSON_FORMS}`);
    const extensions = readNumbers(reader, pin.value, pin.key.line, 'extensions', true, `'identities'`);
    if (extensions.length === 0 && reader.isEmpty(pin.value)) {
      reader.report(pin.key.line, `'${pin.key.text}' in 'identities' needs an extension number, e.g. 105`);
    }
    if (person && extensions.length > 0) pins.push({ person, extensions });
  }
  return pins;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
