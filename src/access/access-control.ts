import type { ChatUser } from '../core/chat-user';
import type { Directory } from '../core/directory';
import type { Logger } from '../core/logger';
import type { ReportRequest } from '../core/report-request';
import type { AccessPolicy } from './access-policy';
import { type AccessDecision, authorizeRequest, noAccessError } from './authorize-request';
import { IdentityResolver } from './resolve-identity';
import type { UnmappedAccess } from './unmapped-access';
import { type AccessRole, computeUserAccess, isPolicyAdmin, type UserAccess } from './user-access';
import { writeAuditLine } from './write-audit-line';

export interface AccessControlOptions {
  /** The ACCESS_POLICY file, loaded (`loadAccessPolicy`), or `emptyAccessPolicy()` without one. */
  policy: AccessPolicy;
  /** What users neither named in the policy nor linked to an extension get (`decideUnmappedAccess`). */
  unmapped: UnmappedAccess;
  /** The PBX's users (for e-mail matching); the PBX client caches it. */
  getDirectory: () => Promise<Directory>;
  /** Where audit lines go. */
  logger: Logger;
  /**
   * Platforms whose users act as admins: the people running the bot (the terminal, and the local
   * playground, which has no sign-in). Default `cli` and `web`.
   */
  trustedPlatforms?: readonly ChatUser['platform'][];
}

/** Where a request came from, for the audit log. */
export interface AuthorizeContext {
  /** The command words (typed, or carried by a button or digest); default the view's name. */
  command?: string;
  /** `text`, a button's action id, `digest`; default `text`. */
  via?: string;
}

/**
 * Who may see which calls, decided in one place for every path (commands, buttons, exports, rows,
 * sharing, App Home, digests), with one audit line per decision.
 */
export class AccessControl {
  private readonly identities: IdentityResolver;
  private readonly trusted: readonly ChatUser['platform'][];

  constructor(private readonly options: AccessControlOptions) {
    this.identities = new IdentityResolver(options.policy, options.getDirectory);
    this.trusted = options.trustedPlatforms ?? ['cli', 'web'];
  }

  /** The request to run for `user` (narrowed, `me` resolved), or a `forbidden` error; audited. */
  async authorize(
    user: ChatUser,
    request: ReportRequest,
    context: AuthorizeContext = {},
  ): Promise<AccessDecision> {
    const admin = this.isAdmin(user);
    const access = await this.accessOf(user, { needOwnExtensions: !admin || request.me });
    const decision = authorizeRequest(user, access, request);
    writeAuditLine(this.options.logger, {
      user,
      command: context.command ?? request.view,
      via: context.via ?? 'text',
      view: request.view,
      role: access.role,
      decision: !decision.ok ? 'refused' : decision.narrowed ? 'narrowed' : 'allowed',
      ...(!decision.ok && { reason: decision.error.message }),
    });
    return decision;
  }

  /** The user's role and scope (their extensions are looked up unless `needOwnExtensions` is false for an admin). */
  async accessOf(user: ChatUser, options: { needOwnExtensions?: boolean } = {}): Promise<UserAccess> {
    const admin = this.isAdmin(user);
    const own = !admin || options.needOwnExtensions !== false ? await this.identities.extensionsOf(user) : [];
    if (admin) return { role: 'admin', ownExtensions: own, scope: undefined };
    return computeUserAccess(this.options.policy, user, own, this.options.unmapped);
  }

  /** Admins see every call and manage any digest: named in the policy, or on a trusted platform. */
  isAdmin(user: ChatUser): boolean {
    return this.trusted.includes(user.platform) || isPolicyAdmin(this.options.policy, user);
  }

  /** The role alone, for listings and digests. */
  async roleOf(user: ChatUser): Promise<AccessRole> {
    return (await this.accessOf(user, { needOwnExtensions: false })).role;
  }

  /**
   * For what shows no calls but still concerns them (the `schedules` listing): throws the refusal a
   * report would get when `user` may see no calls at all (unlinked, or not looked up).
   */
  async requireAnyAccess(user: ChatUser): Promise<void> {
    if ((await this.roleOf(user)) === 'none') throw noAccessError(user);
  }
}
