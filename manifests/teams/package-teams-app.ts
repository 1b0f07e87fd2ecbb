import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { readEnvironment } from '../../src/config/read-environment';

/** What goes into the Teams app package besides the manifest. */
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** Every entry's date (zip stores local time): the same input makes the same bytes. */
const ZIP_TIME = new Date(2026, 0, 1);

export interface PackageOptions {
  /** The bot's Microsoft App ID (MICROSOFT_APP_ID); also used as the Teams app id. */
  appId: string;
  /** The app's version, x.y.z; Teams wants a higher one for every update of the package. */
  version: string;
  /** Where manifest.json and the icons are; default this folder. */
  sourceDir?: string;
  /** The zip to write; its folder is created. */
  outFile: string;
}

/** A Teams app manifest as far as packaging touches it. */
export interface TeamsManifest {
  id: string;
  version: string;
  icons: { color: string; outline: string };
  bots: { botId: string }[];
  [key: string]: unknown;
}

/**
 * Builds the Teams app package: manifest.json with the app id and version filled in, and the
 * two icons, zipped flat by fflate (Teams rejects a package whose files sit in a folder). Throws an Error
 * whose message says what to fix.
 */
export function packageTeamsApp(options: PackageOptions): { outFile: string; manifest: TeamsManifest } {
  const appId = options.appId.trim().toLowerCase();
  if (!GUID.test(appId) || appId === PLACEHOLDER_ID) {
    throw new Error(
      `The app id must be the bot's Microsoft App ID, a GUID such as 0b5e8f1a-6c2d-4e3f-9a7b-1c2d3e4f5a6b, not "${options.appId}".`,
    );
  }
  if (!SEMVER.test(options.version)) {
    throw new Error(`The version must look like 1.2.3, not "${options.version}".`);
  }
  const sourceDir = options.sourceDir ?? __dirname;
  const template = JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8')) as TeamsManifest;
  const manifest: TeamsManifest = {
    ...template,
    id: appId,
    version: options.version,
    bots: template.bots.map((bot) => ({ ...bot, botId: appId })),
  };
  const files: Record<string, Uint8Array> = {
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
  };
  for (const name of Object.values(ICON_FILES)) files[name] = readFileSync(join(sourceDir, name));
  mkdirSync(dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, zipSync(files, { level: 9, mtime: ZIP_TIME }));
  return { outFile: options.outFile, manifest };
}

/** The terminal around it; returns the exit code (0 written, 2 a usage or input problem). */
export function runPackageCli(
  argv: readonly string[],
  io: {
    env: Record<string, string | undefined>;
    cwd: string;
    stdout: (text: string) => void;
    stderr: (text: string) => void;
  },
): number {
  const flags = readFlags(argv);
  if (typeof flags === 'string') {
    io.stderr(
      `${flags}\nUsage: npm run teams:package -- [--app-id GUID] [--version 1.2.3] [--out dist/teams-app.zip]\n`,
    );
    return 2;
  }
  const appId = flags['app-id'] ?? io.env.MICROSOFT_APP_ID;
  if (!appId) {
    io.stderr(
      "No app id: set MICROSOFT_APP_ID (in the environment or .env) or pass --app-id <the bot's Microsoft App ID>.\nSee docs/teams.md for registering the bot.\n",
    );
    return 2;
  }
  const version = flags.version ?? readPackageVersion(io.cwd);
  const outFile = resolve(io.cwd, flags.out ?? join('dist', 'teams-app.zip'));
  try {
    packageTeamsApp({ appId, version, outFile });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const shown = relative(io.cwd, outFile);
  io.stdout(
    `Wrote ${shown.startsWith('..') ? outFile : shown} (app id ${appId.trim().toLowerCase()}, version ${version}).\nUpload it in Teams: Apps > Manage your apps > Upload an app (or in the Teams admin center); see docs/teams.md.\n`,
  );
  return 0;
}

function readFlags(argv: readonly string[]): Partial<Record<'app-id' | 'version' | 'out', string>> | string {
  const flags: Partial<Record<'app-id' | 'version' | 'out', string>> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const [name, inline] = (argv[index] ?? '').split(/=(.*)/s, 2) as [string, string | undefined];
    const key = name.replace(/^--/, '');
    if (!name.startsWith('--') || (key !== 'app-id' && key !== 'version' && key !== 'out'))
      return `Unknown argument "${name}".`;
    const value = inline ?? argv[++index];
    if (value === undefined || value === '') return `${name} needs a value.`;
    flags[key] = value;
  }
  return flags;
}

function readPackageVersion(cwd: string): string {
  const path = join(cwd, 'package.json');
  if (!existsSync(path)) return '1.0.0';
  const { version } = JSON.parse(readFileSync(path, 'utf8')) as { version?: string };
  return version ?? '1.0.0';
}

if (require.main === module) {
  process.exitCode = runPackageCli(process.argv.slice(2), {
    env: readEnvironment(),
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
