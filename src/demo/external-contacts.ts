import { createSeededRandom, mixSeed, type SeededRandom } from './seeded-random';

/** Someone outside the company: an E.164 number and, for some, a caller name. */
export interface ExternalContact {
  number: string;
  name: string;
}

const PERSON_NAMES = [
  'Jane Caller',
  'Tom Baker',
  'Aisha Khan',
  'Lukas Schmidt',
  'Mary Johnson',
  'Pierre Martin',
  'Siobhan Kelly',
  'Kenji Sato',
  'Ana Silva',
  'Peter Novak',
];
const COMPANY_NAMES = ['Acme Ltd', 'Northwind Traders', 'Globex GmbH', 'Initech Inc', 'Umbrella Logistics'];

function digits(random: SeededRandom, count: number): string {
  let text = '';
  for (let index = 0; index < count; index += 1) text += String(random.int(0, 9));
  return text;
}

/** One plausible E.164 number: mostly UK (London, Manchester, mobiles), some German and US. */
function generateNumber(random: SeededRandom): string {
  const roll = random.next();
  if (roll < 0.3) return `+4420${random.int(3, 8)}${digits(random, 7)}`;
  if (roll < 0.45) return `+44161${random.int(2, 9)}${digits(random, 6)}`;
  if (roll < 0.7) return `+447${random.int(4, 9)}${digits(random, 8)}`;
  if (roll < 0.85) return `+49${random.pick(['30', '89', '40'])}${random.int(2, 9)}${digits(random, 7)}`;
  return `+1${random.pick(['212', '415', '617'])}${random.int(2, 9)}${digits(random, 6)}`;
}

/** The seed's pool of callers, so that the same people call again across days. */
export function generateExternalContacts(seed: number, count = 400): ExternalContact[] {
  const random = createSeededRandom(mixSeed(seed, 0x0e7e));
  const contacts: ExternalContact[] = [];
  const seen = new Set<string>();
  while (contacts.length < count) {
    const number = generateNumber(random);
    if (seen.has(number)) continue;
    seen.add(number);
    const nameRoll = random.next();
    const name =
      nameRoll < 0.2 ? random.pick(PERSON_NAMES) : nameRoll < 0.3 ? random.pick(COMPANY_NAMES) : '';
    contacts.push({ number, name });
  }
  return contacts;
}
