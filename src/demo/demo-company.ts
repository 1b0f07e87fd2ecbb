import type { Directory } from '../core/directory';

/** One extension of the demo company, shaped for the `/Users` endpoint. */
export interface DemoUser {
  id: number;
  number: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** A call queue and the extensions it rings. */
export interface DemoQueue {
  id: number;
  number: string;
  name: string;
  agents: string[];
}

/** The PBX's own numbers besides users and queues. */
export interface DemoSystemDns {
  ivr: { number: string; name: string };
  trunk: { number: string; name: string };
  voicemail: { number: string; name: string };
  park: { number: string; name: string };
}

/** The fixed demo company: 25 extensions (100-124), two queues, an IVR, a trunk. */
export interface DemoCompany {
  users: DemoUser[];
  queues: DemoQueue[];
  system: DemoSystemDns;
  userByNumber: Map<string, DemoUser>;
}

const NAMES: ReadonlyArray<readonly [string, string]> = [
  ['Amelia', 'Hughes'],
  ['Ben', 'Okafor'],
  ['Chloé', 'Durand'],
  ['Daniel', 'Whitfield'],
  ['Emma', 'Nowak'],
  ['Farid', 'Rahman'],
  ['Grace', "O'Brien"],
  ['Harry', 'Lindqvist'],
  ['Isla', 'MacLeod'],
  ['Jonas', 'Becker'],
  ['Kavya', 'Iyer'],
  ['Liam', 'Murphy'],
  ['Maya', 'Goldberg'],
  ['Noah', 'Williams'],
  ['Olivia', 'Chen'],
  ['Priya', 'Shah'],
  ['Rafael', 'Moreno'],
  ['Sofia', 'Rossi'],
  ['Tomasz', 'Zieliński'],
  ['Uma', 'Patel'],
  ['Victor', 'Adeyemi'],
  ['Wen', 'Li'],
  ['Yasmin', 'Haddad'],
  ['Zoe', 'Turner'],
  ['Oscar', 'Björk'],
];

/** `Chloé O'Brien` -> `chloe.obrien`: ASCII, lower case, letters only. */
function toEmailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/** Builds the demo company; it does not depend on the seed, so names are stable everywhere. */
export function createDemoCompany(): DemoCompany {
  const users = NAMES.map(([firstName, lastName], index) => ({
    id: index + 1,
    number: String(100 + index),
    firstName,
    lastName,
    email: `${toEmailPart(firstName)}.${toEmailPart(lastName)}@example.com`,
  }));
  const queues: DemoQueue[] = [
    { id: 1, number: '800', name: 'Sales', agents: ['101', '102', '103', '104', '105', '106', '107'] },
    {
      id: 2,
      number: '801',
      name: 'Support',
      agents: ['108', '109', '110', '111', '112', '113', '114', '115'],
    },
  ];
  return {
    users,
    queues,
    system: {
      ivr: { number: '8000', name: 'Main Menu' },
      trunk: { number: '10000', name: 'SIP Trunk' },
      voicemail: { number: '999', name: 'Voicemail' },
      park: { number: 'SP0', name: 'Park 0' },
    },
    userByNumber: new Map(users.map((user) => [user.number, user])),
  };
}

/** The company as the bot's core sees it. */
export function toDirectory(company: DemoCompany): Directory {
  return {
    users: company.users.map((user) => ({
      number: user.number,
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
    })),
    queues: company.queues.map((queue) => ({ number: queue.number, name: queue.name })),
  };
}

/** `First Last`. */
export function displayNameOf(user: DemoUser): string {
  return `${user.firstName} ${user.lastName}`;
}
