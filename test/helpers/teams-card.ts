/** Reading the Adaptive Cards the Teams adapter sends, for assertions. */
type Json = Record<string, unknown>;

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** The card of a message activity (its only attachment), failing clearly when there is none. */
export function cardOf(activity: Json): Json {
  const attachments = activity.attachments as { contentType: string; content: Json }[] | undefined;
  if (attachments?.length !== 1 || attachments[0]?.contentType !== ADAPTIVE_CARD) {
    throw new Error(
      `expected one Adaptive Card attachment, got ${JSON.stringify(attachments)?.slice(0, 300)}`,
    );
  }
  return attachments[0].content;
}

/** The body's top-level elements. */
export function bodyOf(card: Json): Json[] {
  return card.body as Json[];
}

/** Every TextBlock text in the body (top level), in order. */
export function textsOf(card: Json): string[] {
  return bodyOf(card)
    .filter((element) => element.type === 'TextBlock')
    .map((element) => String(element.text));
}

type Fact = { title: string; value: string };

/** The facts of every top-level FactSet, in order. */
export function factSetsOf(card: Json): Fact[][] {
  return bodyOf(card)
    .filter((element) => element.type === 'FactSet')
    .map((element) => element.facts as Fact[]);
}

/** The key figures (the FactSet that has "Calls") as title -> value. */
export function keyFiguresOf(card: Json): Record<string, string> {
  const facts = factSetsOf(card).find((set) => set.some((fact) => fact.title === 'Calls'));
  if (!facts) throw new Error('the card has no key figures');
  return Object.fromEntries(facts.map((fact) => [fact.title, fact.value]));
}

type Entry = { label: string; figures: string[] };

/**
 * The entries of the figure list under the section titled `title` (as render-teams lays out
 * extensions and queues): each entry's name line (number and name) and its figures, in order.
 * A list of more than five figures has two header rows, and each entry's figures two rows.
 */
export function figureListAfter(card: Json, title: string): Entry[] {
  const body = bodyOf(card);
  const start = body.findIndex((element) => element.type === 'TextBlock' && element.text === title);
  if (start < 0) throw new Error(`no section "${title}"`);
  const textsOfRow = (row: Json | undefined) =>
    ((row?.columns ?? []) as { items: { text: string }[] }[]).map((column) => column.items[0]?.text ?? '');
  const isColumnSet = (element: Json | undefined) => element?.type === 'ColumnSet';
  const entries: Entry[] = [];
  // After the title, the headers' ColumnSet(s); then per entry a name line and its ColumnSet(s) of figures.
  let at = start + 1;
  while (isColumnSet(body[at])) at += 1;
  while (body[at]?.spacing === 'Small' && isColumnSet(body[at + 1])) {
    const label = String(body[at]?.text);
    const figures: string[] = [];
    for (at += 1; isColumnSet(body[at]); at += 1) figures.push(...textsOfRow(body[at]));
    entries.push({ label, figures });
  }
  return entries;
}

/** The Action.Submit button with `data.action === id`. */
export function submitAction(
  card: Json,
  id: string,
): { title: string; data: { action: string; value: string } } {
  const actions = (card.actions ?? []) as {
    type: string;
    title: string;
    data: { action: string; value: string };
  }[];
  const found = actions.find((action) => action.type === 'Action.Submit' && action.data.action === id);
  if (!found)
    throw new Error(
      `no Action.Submit "${id}" among ${actions.map((action) => action.data.action).join(', ')}`,
    );
  return found;
}
