import {
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';

/** One problem in the policy file, at a line people can find. */
export interface PolicyIssue {
  line: number;
  message: string;
}

/** A scalar of the policy (parsed with YAML's failsafe schema, so every scalar is text) and its line. */
export interface PolicyScalar {
  text: string;
  line: number;
}

/** A key of a mapping with its value node (null when the YAML gives none). */
export interface PolicyEntry {
  key: PolicyScalar;
  value: Node | null;
}

/**
 * Reads the nodes of a policy document and collects issues with their line numbers, so the file's
 * structure can be checked by hand and every problem named where it is.
 */
export class PolicyYamlReader {
  readonly issues: PolicyIssue[] = [];

  constructor(private readonly lines: LineCounter) {}

  /** The 1-based line where `node` starts (1 when it has no position). */
  lineOf(node: Node | null | undefined, fallbackLine = 1): number {
    const start = node?.range?.[0];
    return start === undefined ? fallbackLine : this.lines.linePos(start).line;
  }

  report(line: number, message: string): void {
    this.issues.push({ line, message });
  }

  /** True for an absent or empty value (`key:` with nothing, or `~`). */
  isEmpty(node: Node | null): boolean {
    return node === null || (isScalar(node) && (node.value === '' || node.value === '~'));
  }

  /** The scalar's text, or undefined (and an issue) when the node is a list or a mapping. */
  readScalar(node: Node | null, fallbackLine: number, what: string): PolicyScalar | undefined {
    if (isScalar(node)) return { text: String((node as Scalar).value).trim(), line: this.lineOf(node) };
    this.report(this.lineOf(node, fallbackLine), `${what} must be a single value`);
    return undefined;
  }

  /** The entries of a mapping (empty for an empty value), or undefined and `problem` as an issue. */
  readMap(node: Node | null, fallbackLine: number, problem: string): PolicyEntry[] | undefined {
    if (this.isEmpty(node)) return [];
    if (!isMap(node)) {
      this.report(this.lineOf(node, fallbackLine), problem);
      return undefined;
    }
    return (node as YAMLMap).items.map((pair) => this.toEntry(pair as Pair<Node, Node | null>));
  }

  /**
   * The scalars of a list (empty for an empty value), or undefined and `problem` as an issue. A
   * list item that is itself a list or mapping is reported as `itemProblem`. With `acceptSingle`,
   * one scalar stands for a list of one.
   */
  readScalarList(
    node: Node | null,
    fallbackLine: number,
    problem: string,
    itemProblem: string,
    acceptSingle = false,
  ): PolicyScalar[] | undefined {
    if (this.isEmpty(node)) return [];
    if (acceptSingle && isScalar(node)) return [{ text: String(node.value).trim(), line: this.lineOf(node) }];
    if (!isSeq(node)) {
      this.report(this.lineOf(node, fallbackLine), problem);
      return undefined;
    }
    const scalars: PolicyScalar[] = [];
    for (const item of node.items as (Node | null)[]) {
      if (isScalar(item)) scalars.push({ text: String(item.value).trim(), line: this.lineOf(item) });
      else this.report(this.lineOf(item, this.lineOf(node)), itemProblem);
    }
    return scalars;
  }

  /** The items of a list as nodes (for lists of mappings), or undefined and `problem` as an issue. */
  readNodeList(node: Node | null, fallbackLine: number, problem: string): (Node | null)[] | undefined {
    if (this.isEmpty(node)) return [];
    if (!isSeq(node)) {
      this.report(this.lineOf(node, fallbackLine), problem);
      return undefined;
    }
    return node.items as (Node | null)[];
  }

  /** Reports keys outside `allowed`, naming the ones that are expected. */
  rejectUnknownKeys(entries: readonly PolicyEntry[], allowed: readonly string[], where: string): void {
    for (const entry of entries) {
      if (allowed.includes(entry.key.text)) continue;
      const expected = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
      const close = allowed.find((name) => isCloseTo(entry.key.text, name));
      const suggestion = close ? ` (did you mean '${close}'?)` : '';
      this.report(
        entry.key.line,
        `unknown key '${entry.key.text}'${where}${suggestion}; expected ${expected}`,
      );
    }
  }

  private toEntry(pair: Pair<Node, Node | null>): PolicyEntry {
    const keyNode = pair.key as Node | null;
    const text = isScalar(keyNode) ? String(keyNode.value).trim() : '';
    return { key: { text, line: this.lineOf(keyNode) }, value: pair.value ?? null };
  }
}

/** Same letters give or take one (a plural `s`, a typo). */
function isCloseTo(word: string, target: string): boolean {
  const a = word.toLowerCase();
  if (a === target || `${a}s` === target || a === `${target}s`) return true;
  if (Math.abs(a.length - target.length) > 1) return false;
  let differences = 0;
  for (let i = 0, j = 0; i < a.length || j < target.length; ) {
    if (a[i] === target[j]) {
      i++;
      j++;
      continue;
    }
    differences++;
    if (differences > 1) return false;
    if (a.length > target.length) i++;
    else if (a.length < target.length) j++;
    else {
      i++;
      j++;
    }
  }
  return true;
}
