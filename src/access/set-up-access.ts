import type { Directory } from '../core/directory';
import type { Logger } from '../core/logger';
import { AccessControl } from './access-control';
import { emptyAccessPolicy } from './access-policy';
import { loadAccessPolicy } from './load-access-policy';
import type { UnmappedAccess } from './user-access';

export interface SetUpAccessOptions {
  /** ACCESS_POLICY; absent: no admins, mapped users are agents of their own extension. */
  policyPath: string | undefined;
  /** ACCESS_UNMAPPED. */
  unmapped: UnmappedAccess;
  getDirectory: () => Promise<Directory>;
  logger: Logger;
  /** Whether Slack or Teams is configured; without them (the local demo) a missing policy is no news. Default true. */
  chatEnabled?: boolean;
}

/**
 * Startup: loads and validates the policy (an invalid file throws `AppError('config')` naming the
 * line), says at startup what the rules are, and returns the access control every chat path uses.
 */
export async function setUpAccess(options: SetUpAccessOptions): Promise<AccessControl> {
  const { logger } = options;
  const policy = options.policyPath ? await loadAccessPolicy(options.policyPath) : emptyAccessPolicy();
  if (options.policyPath) {
    logger.info('access policy loaded', {
      path: options.policyPath,
      admins: policy.admins.length,
      managers: policy.managers.length,
      departments: policy.departments.size,
      identities: policy.identities.length,
      unmapped: options.unmapped,
    });
  } else if (options.chatEnabled !== false) {
    logger.warn(
      'ACCESS_POLICY is not set: chat users see only the calls of their own extension (matched by e-mail) and nobody is an admin. Write a policy to name admins and managers (docs/access.md).',
      { unmapped: options.unmapped },
    );
  }
  if (options.unmapped === 'all') {
    logger.warn(
      'ACCESS_UNMAPPED=all: chat users not linked to an extension see EVERY call. Use it only where everyone may see all calls.',
    );
  }
  return new AccessControl({
    policy,
    unmapped: options.unmapped,
    getDirectory: options.getDirectory,
    logger,
  });
}
