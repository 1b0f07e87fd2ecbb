import { z } from 'zod';

/**
 * Our own schema for the parts of a Slack app manifest (format 1) that calls-bot's
 * manifests/slack/manifest.yaml uses. Limits come from Slack's manifest reference
 * (https://docs.slack.dev/reference/app-manifest). Objects are strict, so a misspelt or unknown key
 * fails instead of being ignored by Slack. The test checks the values against the code separately.
 */
const requestUrl = z
  .string()
  .max(3000)
  .regex(/^https:\/\/[^/\s]+\/\S*$/, 'must be an https:// URL');
const scope = z
  .string()
  .max(50)
  .regex(/^[a-z]+(?:[:.][a-z_]+)*$/, 'must look like a Slack scope (chat:write, users:read.email)');

export const slackManifestSchema = z
  .strictObject({
    _metadata: z.strictObject({
      major_version: z.literal(1),
      minor_version: z.number().int().nonnegative().optional(),
    }),
    display_information: z.strictObject({
      name: z.string().min(1).max(35),
      description: z.string().min(1).max(140).optional(),
      background_color: z
        .string()
        .regex(/^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$/)
        .optional(),
      long_description: z.string().min(175).max(4000).optional(),
    }),
    features: z.strictObject({
      app_home: z.strictObject({
        home_tab_enabled: z.boolean(),
        messages_tab_enabled: z.boolean(),
        messages_tab_read_only_enabled: z.boolean().optional(),
      }),
      bot_user: z.strictObject({
        display_name: z.string().min(1).max(80),
        always_online: z.boolean().optional(),
      }),
      slash_commands: z
        .array(
          z.strictObject({
            command: z
              .string()
              .max(32)
              .regex(/^\/[a-z0-9_-]+$/, 'must be / and a lowercase name'),
            url: requestUrl.optional(),
            description: z.string().min(1).max(2000),
            usage_hint: z.string().min(1).max(1000).optional(),
            should_escape: z.boolean().optional(),
          }),
        )
        .min(1)
        .max(50),
    }),
    oauth_config: z.strictObject({
      scopes: z.strictObject({
        bot: z
          .array(scope)
          .min(1)
          .max(255)
          .refine((scopes) => new Set(scopes).size === scopes.length, 'must not repeat a scope'),
      }),
    }),
    settings: z.strictObject({
      event_subscriptions: z.strictObject({
        request_url: requestUrl.optional(),
        bot_events: z
          .array(z.string().regex(/^[a-z_]+(?:\.[a-z_]+)*$/, 'must be a Slack event name'))
          .min(1)
          .max(100)
          .refine((events) => new Set(events).size === events.length, 'must not repeat an event'),
      }),
      interactivity: z.strictObject({
        is_enabled: z.boolean(),
        request_url: requestUrl.optional(),
      }),
      org_deploy_enabled: z.boolean().optional(),
      socket_mode_enabled: z.boolean(),
      token_rotation_enabled: z.boolean().optional(),
    }),
  })
  .superRefine((manifest, context) => {
    // Over HTTP Slack needs every request URL; in Socket Mode it sends everything over the socket.
    if (manifest.settings.socket_mode_enabled) return;
    const urls: [url: string | undefined, path: (string | number)[]][] = [
      ...(manifest.features.slash_commands.map((command, at) => [
        command.url,
        ['features', 'slash_commands', at, 'url'],
      ]) satisfies [string | undefined, (string | number)[]][]),
      [manifest.settings.event_subscriptions.request_url, ['settings', 'event_subscriptions', 'request_url']],
    ];
    if (manifest.settings.interactivity.is_enabled) {
      urls.push([manifest.settings.interactivity.request_url, ['settings', 'interactivity', 'request_url']]);
    }
    for (const [url, path] of urls) {
      if (url === undefined) context.addIssue({ code: 'custom', path, message: 'is required over HTTP' });
    }
  });

export type SlackManifest = z.infer<typeof slackManifestSchema>;

/** The schema's complaints about `manifest` as `path: message` lines; empty when it is valid. */
export function slackManifestErrors(manifest: unknown): string[] {
  const result = slackManifestSchema.safeParse(manifest);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
