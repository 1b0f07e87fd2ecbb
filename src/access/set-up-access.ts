import type { Directory } from '../core/directory';
import type { Logger } from '../core/logger';
import { AccessControl } from './access-control';
import { emptyAccessPolicy } from './access-policy';
import { loadAccessPolicy } from './load-access-policy';
import { decideUnmappedAccess, type PbxKind, type UnmappedSetting } from './unmapped-access';

export interface SetUpAccessOptions {
  /** ACCESS_POLICY; absent: no admins, mapped users are agents of their own extension. */
  policyPath: string | undefined;
  /** ACCESS_UNMAPPED as set (undefined when unset: `pbx` decides, see `decideUnmappedAccess`). */
  unmapped: UnmappedSetting;
  /** `demo` when the built-in demo PBX serves (no THREECX_URL). */
  pbx: PbxKind;
  getDirectory: () => Promise<Directory>;
  logger: Logger;
  /** Whether Slack or Teams is configured; without them (the local demo) a missing policy is no news. Default true. */
  chatEnabled?: boolean;
}

/**
 * Startup: loads and validates the policy (an invalid file throws `AppError('config')` naming the
 * line), decides what unlinked chat users get, says at startup what the rules are, and returns the
 * access control every chat path uses.
 */
export async function setUpAccess(options: SetUpAccessOptions): Promise<AccessControl> {
  const { logger } = options;
  const chatEnabled = options.chatEnabled !== false;
  const unmapped = decideUnmappedAccess(options.unmapped, options.pbx);
  const policy = options.policyPath ? await loadAccessPolicy(options.policyPath) : emptyAccessPolicy();
  if (options.policyPath) {
    logger.info('access policy loaded', {
      path: options.policyPath,
      admins: policy.admins.length,
      managers: policy.managers.length,
      departments: policy.departments.size,
      identities: policy.identities.length,
      unmapped,
    });
  } else if (chatEnabled) {
    logger.warn(
      'ACCESS_POLICY is not set: chat users see only the calls of their own extension (matched by e-mail) and nobody is an admin. Write a policy to name admins and managers (docs/access.md).',
      { unmapped },
    );
  }
  if (unmapped === 'all') {
    logger.warn(
      'ACCESS_UNMAPPED=all: chat users not linked to an extension see EVERY call. Use it only where everyone may see all calls.',
    );
  }
  if (unmapped === 'demo' && chatEnabled) {
    logger.info(
      'Demo PBX (no THREECX_URL) and ACCESS_UNMAPPED not set: chat users not linked by e-mail see its invented calls, each reply saying so. With a real PBX they are refused until linked (docs/access.md).',
    );
  }
  return new AccessControl({ policy, unmapped, getDirectory: options.getDirectory, logger });
}
