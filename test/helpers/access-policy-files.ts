import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A policy naming the Slack and Teams test users admins (for tests that are not about access). */
export const TEST_ADMINS_POLICY_PATH = join(__dirname, 'fixtures', 'test-admins-policy.yaml');

/** Writes `yaml` to a fresh temporary directory and returns the file's path. */
export async function writePolicyFile(yaml: string, name = 'access-policy.yaml'): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'calls-bot-access-'));
  const path = join(directory, name);
  await writeFile(path, yaml, 'utf8');
  return path;
}
