import { readFile } from 'node:fs/promises';
import { AppError } from '../core/errors';
import type { AccessPolicy } from './access-policy';
import { parseAccessPolicy } from './parse-access-policy';

const HINT = 'Fix the file (see docs/access.md and docs/access-policy.example.yaml) and start the bot again.';

/**
 * Reads and validates the ACCESS_POLICY file at startup. Throws an `AppError('config')` naming the
 * file, and each problem with its line: "ACCESS_POLICY ./policy.yaml line 7: 'queues' must be a
 * list of queue numbers, e.g. [800]".
 */
export async function loadAccessPolicy(path: string): Promise<AccessPolicy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'there is no such file' : `it cannot be read (${code ?? 'error'})`;
    throw new AppError(
      'config',
      `ACCESS_POLICY ${path}: ${reason}.`,
      'Set ACCESS_POLICY to the path of a readable YAML file (see docs/access-policy.example.yaml), or unset it.',
    );
  }
  return readAccessPolicyText(text, path);
}

/** The policy in `text`, or an `AppError('config')` as `loadAccessPolicy` describes. */
export function readAccessPolicyText(text: string, path: string): AccessPolicy {
  const parsed = parseAccessPolicy(text);
  if (parsed.ok) return parsed.policy;
  const [first, ...more] = parsed.issues;
  if (first && more.length === 0) {
    throw new AppError('config', `ACCESS_POLICY ${path} line ${first.line}: ${first.message}`, HINT);
  }
  const lines = parsed.issues.map((issue) => `  line ${issue.line}: ${issue.message}`);
  throw new AppError(
    'config',
    `ACCESS_POLICY ${path} has ${parsed.issues.length} problems:\n${lines.join('\n')}`,
    HINT,
  );
}
