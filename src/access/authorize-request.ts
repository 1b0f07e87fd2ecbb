import type { ChatUser } from '../core/chat-user';
import { AppError } from '../core/errors';
import type { CallScope, ReportRequest } from '../core/report-request';
import { describeAccount, describeNumbers, describeScope } from './describe-scope';
import { DEMO_ACCESS_NOTE } from './unmapped-access';
import type { UserAccess } from './user-access';

/** The verdict on one request: the request to run (narrowed, `me` resolved) with notes, or why not. */
export type AccessDecision =
  | {
      ok: true;
      /** `me` resolved into `filters.extensions` (and `me` false); `scope` set except for admins and viewers. */
      request: ReportRequest;
      /** For the reader, e.g. "Showing only the calls of your extension 101." */
      notes: string[];
      /** True when the asker gave no ext/queue filter and was narrowed to their scope. */
      narrowed: boolean;
      access: UserAccess;
    }
  | { ok: false; error: AppError; access: UserAccess };

/**
 * The one rule for every path: `help` is for everyone; `me` becomes the asker's extensions; an
 * `ext`/`queue` filter outside the asker's scope is refused, naming what; a request without one is
 * narrowed to the scope. Admins and viewers are unrestricted (a viewer let in by the demo rule
 * gets its note); `none` is refused with the how-to.
 */
export function authorizeRequest(user: ChatUser, access: UserAccess, request: ReportRequest): AccessDecision {
  if (request.view === 'help') return { ok: true, request, notes: [], narrowed: false, access };
  if (access.role === 'none') return { ok: false, error: noAccessError(user), access };
  let resolved = request;
  if (request.me) {
    if (access.ownExtensions.length === 0) return { ok: false, error: unlinkedMeError(user), access };
    // Written out as extensions, so buttons under the reply show the same calls to whoever clicks.
    const extensions = [...new Set([...request.filters.extensions, ...access.ownExtensions])];
    resolved = { ...request, filters: { ...request.filters, extensions }, me: false };
  }
  const { scope } = access;
  if (scope === undefined) {
    const notes = access.demo ? [DEMO_ACCESS_NOTE] : [];
    return { ok: true, request: resolved, notes, narrowed: false, access };
  }
  // A comparison's sides name their own extensions and queues: each must be within the scope.
  const named = [resolved.filters, ...(resolved.comparison?.sides.map((side) => side.filters) ?? [])];
  const outsideExtensions = unique(named.flatMap((filters) => filters.extensions)).filter(
    (dn) => !scope.extensions.includes(dn),
  );
  const outsideQueues = unique(named.flatMap((filters) => filters.queues)).filter(
    (dn) => !scope.queues.includes(dn),
  );
  if (outsideExtensions.length > 0 || outsideQueues.length > 0) {
    return { ok: false, error: outsideScopeError(outsideExtensions, outsideQueues, scope), access };
  }
  const narrowed = resolved.filters.extensions.length === 0 && resolved.filters.queues.length === 0;
  const scoped: ReportRequest = {
    ...resolved,
    scope: { extensions: [...scope.extensions], queues: [...scope.queues] },
  };
  return { ok: true, request: scoped, notes: notesFor(scoped, access, scope, narrowed), narrowed, access };
}

function notesFor(request: ReportRequest, access: UserAccess, scope: CallScope, narrowed: boolean): string[] {
  const what =
    access.role === 'agent' ? `your ${describeScope(scope)}` : `your access (${describeScope(scope)})`;
  if (request.view === 'rows') {
    return [`Only rows whose source or destination is within ${what} are included.`];
  }
  return narrowed ? [`Showing only the calls of ${what}.`] : [];
}

/**
 * The refusal for someone who may see no calls at all: the how-to for an unlinked user, or "try
 * again in a moment" when who they are could not be looked up.
 */
export function noAccessError(user: ChatUser): AppError {
  return user.identityUnknown ? identityUnknownError(user) : unmappedError(user);
}

function identityUnknownError(user: ChatUser): AppError {
  return new AppError(
    'identity',
    `I could not check who you are (looking up your ${describeAccount(user.platform)} failed), so I cannot show any calls.`,
    'Try again in a moment. If it keeps happening, tell your administrator (the bot logs why the lookup failed).',
  );
}

function unmappedError(user: ChatUser): AppError {
  const account = describeAccount(user.platform);
  const email = user.email ? ` (${user.email})` : '';
  return new AppError(
    'forbidden',
    `You have no access to call reports yet: your ${account} is not linked to a 3CX extension.`,
    `Ask your 3CX administrator to give your 3CX user the same e-mail as your ${account}${email}, or to add you to the bot's access policy (ACCESS_POLICY).`,
  );
}

function unlinkedMeError(user: ChatUser): AppError {
  const account = describeAccount(user.platform);
  return new AppError(
    'forbidden',
    `"me" means your own extension, but your ${account} is not linked to one.`,
    `Name the extension instead (e.g. last week ext 101), or ask your 3CX administrator to give your 3CX user the same e-mail as your ${account}, or to pin you to your extension in the access policy.`,
  );
}

function outsideScopeError(extensions: string[], queues: string[], scope: CallScope): AppError {
  const what = [describeNumbers(extensions, 'extension'), describeNumbers(queues, 'queue')]
    .filter((part) => part !== '')
    .join(' or ');
  return new AppError(
    'forbidden',
    `You may not see the calls of ${what}.`,
    `Your access covers ${describeScope(scope)}; ask without ext or queue to see all of it (e.g. last week), or ask an admin to widen your access.`,
  );
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
