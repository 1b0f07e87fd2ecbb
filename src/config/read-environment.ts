import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'dotenv';

/**
 * The process environment merged over a `.env` file in the working directory (the real
 * environment wins, as with dotenv). Kept apart from `loadConfig` so that stays pure.
 */
export function readEnvironment(
  processEnv: Record<string, string | undefined> = process.env,
  envFilePath = '.env',
): Record<string, string | undefined> {
  const fromFile = existsSync(envFilePath) ? parse(readFileSync(envFilePath)) : {};
  return { ...fromFile, ...processEnv };
}
