import type { TeamsActivity } from './teams-activity';

/**
 * Why an activity is refused under MICROSOFT_APP_TENANT_ID, or undefined when it comes from that
 * tenant. Any Teams tenant can reach a bot whose app id it knows, and the Bot Framework token
 * proves only that the activity came through Microsoft's channel; so every tenant the activity
 * names must be ours, and it must name one. Tenant ids are GUIDs: compared without case.
 */
export function checkActivityTenant(activity: TeamsActivity, tenantId: string): string | undefined {
  const ours = tenantId.toLowerCase();
  if (activity.tenantIds.length === 0) return 'the activity names no tenant';
  if (activity.tenantIds.some((id) => id.toLowerCase() !== ours))
    return 'the activity comes from another tenant';
  return undefined;
}
