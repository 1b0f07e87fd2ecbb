import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { runPackageCli } from '../../../manifests/teams/package-teams-app';
import { parseCommand } from '../../../src/commands/parse-command';
import { readPng, readZip } from '../../helpers/teams-package-files';

const repoRoot = resolve(__dirname, '..', '..', '..');
/** The manifest version we target, and Microsoft's schema for it as bundled in @microsoft/app-manifest. */
const MANIFEST_VERSION = '1.29';
const schemaPath = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
  `v${MANIFEST_VERSION}`,
  'MicrosoftTeams.schema.json',
);
const APP_ID = '0b5e8f1a-6c2d-4e3f-9a7b-1c2d3e4f5a6b';

type Manifest = {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  name: { short: string; full?: string };
  description: { short: string; full: string };
  developer: Record<string, string>;
  icons: { color: string; outline: string };
  accentColor: string;
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
};

type TeamsSchema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

/**
 * Microsoft's validator (Ajv, draft-04, with its formats) against the schema the package bundles.
 * Given no schema it would download the manifest's `$schema` URL, so the schema is always passed;
 * fetch fails the test if anything tries the network anyway.
 */
async function schemaErrors(candidate: unknown): Promise<string[]> {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as NonNullable<TeamsSchema>;
  const fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in tests'));
  try {
    return await AppManifestUtils.validateAgainstSchema(
      candidate as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
      schema,
    );
  } finally {
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  }
}

let workDir: string;
let files: Map<string, Buffer>;
let manifest: Manifest;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  const outFile = join(workDir, 'teams-app.zip');
  const { stdout } = await promisify(execFile)(
    'npm',
    [
      'run',
      '-s',
      'teams:package',
      '--',
      '--app-id',
      APP_ID.toUpperCase(),
      '--version',
      '1.4.2',
      '--out',
      outFile,
    ],
    { cwd: repoRoot, env: { ...process.env, MICROSOFT_APP_ID: '' } },
  );
  expect(stdout).toContain(`Wrote ${outFile} (app id ${APP_ID}, version 1.4.2).`);
  files = readZip(readFileSync(outFile));
  manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('npm run teams:package', () => {
  it('zips exactly the manifest and the two icons, flat, with the app id and version filled in', () => {
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots.map((bot) => bot.botId)).toEqual([APP_ID]);
    expect(manifest.version).toBe('1.4.2');
    const template = JSON.parse(
      readFileSync(join(repoRoot, 'manifests', 'teams', 'manifest.json'), 'utf8'),
    ) as Manifest;
    expect({ ...manifest, id: template.id, version: template.version, bots: template.bots }).toEqual(
      template,
    );
    for (const icon of ['color.png', 'outline.png'])
      expect(files.get(icon)!.equals(readFileSync(join(repoRoot, 'manifests', 'teams', icon)))).toBe(true);
  });

  it("passes Microsoft's schema for its manifest version, and so does the template", async () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as {
      properties: { manifestVersion: { const: string } };
    };
    expect(schema.properties.manifestVersion.const).toBe(MANIFEST_VERSION);
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    );
    expect(await schemaErrors(manifest)).toEqual([]);
    expect(
      await schemaErrors(JSON.parse(readFileSync(join(repoRoot, 'manifests/teams/manifest.json'), 'utf8'))),
    ).toEqual([]);
    // The validator can fail: a colour name, an older version, a missing field, a misspelt one.
    expect(await schemaErrors({ ...manifest, accentColor: 'blue' })).toEqual([
      expect.stringContaining('/accentColor must match pattern'),
    ]);
    expect((await schemaErrors({ ...manifest, manifestVersion: '1.17' })).join('\n')).toContain(
      '/manifestVersion must be equal to constant',
    );
    const { developer: _developer, ...withoutDeveloper } = manifest;
    expect((await schemaErrors(withoutDeveloper)).join('\n')).toContain(
      "must have required property 'developer'",
    );
    const [bot] = manifest.bots;
    const misspelt = { ...manifest, bots: [{ ...bot, scope: bot!.scopes }] };
    expect((await schemaErrors(misspelt)).join('\n')).toContain(
      '/bots/0 must NOT have additional properties',
    );
  });

  it('has the fields Teams requires, within their lengths', () => {
    for (const field of [
      'manifestVersion',
      'version',
      'id',
      'developer',
      'name',
      'description',
      'icons',
      'accentColor',
    ]) {
      expect(manifest).toHaveProperty(field);
    }
    for (const url of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'])
      expect(manifest.developer[url]).toMatch(/^https:\/\//);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
  });

  it('ships a 192×192 opaque colour icon on the accent colour and a 32×32 outline icon in white on transparent', () => {
    const color = readPng(files.get(manifest.icons.color)!);
    expect([color.width, color.height, color.colorType, color.depth]).toEqual([192, 192, 6, 8]);
    expect(color.data.filter((value, at) => at % 4 === 3 && value !== 255)).toHaveLength(0);
    const accent = manifest.accentColor.slice(1).toLowerCase();
    expect(color.data.subarray(0, 3).toString('hex')).toBe(accent); // the corner is the background
    let white = 0;
    for (let at = 0; at < color.data.length; at += 4) {
      if (color.data.readUIntBE(at, 3) === 0xffffff) white += 1;
    }
    expect(white).toBeGreaterThan(1000); // the handset

    const outline = readPng(files.get(manifest.icons.outline)!);
    expect([outline.width, outline.height, outline.colorType, outline.depth]).toEqual([32, 32, 6, 8]);
    let opaque = 0;
    let coloured = 0;
    for (let at = 0; at < outline.data.length; at += 4) {
      const [red, green, blue, alpha] = outline.data.subarray(at, at + 4);
      if (alpha !== 0 && (red !== 255 || green !== 255 || blue !== 255)) coloured += 1;
      if (alpha === 255) opaque += 1;
    }
    expect(coloured).toBe(0);
    expect(opaque).toBeGreaterThan(100);
    expect(outline.data[3]).toBe(0); // the corner is transparent
  });

  it('offers the bot in personal, team and group chat scopes, with command lists within Teams limits', () => {
    const [bot] = manifest.bots;
    expect(bot!.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot!.commandLists.length).toBeLessThanOrEqual(3);
    expect(bot!.commandLists.flatMap((list) => list.scopes).sort()).toEqual([
      'groupChat',
      'personal',
      'team',
    ]);
    for (const list of bot!.commandLists) {
      expect(list.commands.length).toBeGreaterThan(0);
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('only suggests commands the bot understands', () => {
    const titles = manifest.bots[0]!.commandLists.flatMap((list) =>
      list.commands.map((command) => command.title),
    );
    for (const title of titles) {
      const parsed = parseCommand(title, {
        now: new Date('2026-11-29T10:00:00Z'),
        timeZone: 'Europe/Berlin',
      });
      expect({ title, ok: parsed.ok }).toEqual({ title, ok: true });
    }
  });
});

describe('teams:package input errors', () => {
  function run(argv: string[], env: Record<string, string> = {}) {
    let stderr = '';
    const code = runPackageCli(argv, {
      env,
      cwd: workDir,
      stdout: () => {},
      stderr: (text) => (stderr += text),
    });
    return { code, stderr };
  }

  it('says how to give the app id when there is none', () => {
    expect(run([])).toEqual({
      code: 2,
      stderr:
        "No app id: set MICROSOFT_APP_ID (in the environment or .env) or pass --app-id <the bot's Microsoft App ID>.\nSee docs/teams.md for registering the bot.\n",
    });
  });

  it('refuses an app id that is not a GUID, the placeholder, a bad version and unknown flags', () => {
    expect(run(['--app-id', 'calls-bot']).stderr).toContain("must be the bot's Microsoft App ID, a GUID");
    expect(run([], { MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000000' }).code).toBe(2);
    expect(run(['--app-id', APP_ID, '--version', 'v2']).stderr).toBe(
      'The version must look like 1.2.3, not "v2".\n',
    );
    expect(run(['--app-id']).stderr).toContain('--app-id needs a value.');
    expect(run(['--appid', APP_ID]).stderr).toContain('Unknown argument "--appid".');
  });

  it('takes MICROSOFT_APP_ID from the environment', () => {
    expect(run(['--out', 'from-env.zip', '--version', '2.0.0'], { MICROSOFT_APP_ID: APP_ID }).code).toBe(0);
    const packaged = readZip(readFileSync(join(workDir, 'from-env.zip')));
    expect(JSON.parse(packaged.get('manifest.json')!.toString('utf8'))).toMatchObject({
      id: APP_ID,
      version: '2.0.0',
    });
  });
});
