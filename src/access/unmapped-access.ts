/**
 * What a chat user gets who is neither named in the policy nor linked to an extension by e-mail:
 * `none`, nothing (refused, told how to get access); `all`, every call; `demo`, every call of the
 * built-in demo PBX (its calls are invented), each reply saying how access works with a real 3CX.
 */
export type UnmappedAccess = 'none' | 'all' | 'demo';

/** ACCESS_UNMAPPED as the environment sets it; undefined when it is not set. */
export type UnmappedSetting = 'none' | 'all' | undefined;

/** Which PBX the bot talks to: the built-in demo PBX (no THREECX_URL), or a real 3CX. */
export type PbxKind = 'demo' | 'real';

/** The note on every reply shown to an unlinked user under the `demo` rule. */
export const DEMO_ACCESS_NOTE =
  'Demo PBX: invented calls, shown to anyone not linked by e-mail. With a real 3CX (THREECX_URL), people see calls once linked by e-mail — see docs/access.md.';

/**
 * The one rule for unlinked chat users: an ACCESS_UNMAPPED that is set wins; unset, the demo PBX
 * shows them its invented calls (so the first try in Slack or Teams works) and a real PBX refuses them.
 */
export function decideUnmappedAccess(setting: UnmappedSetting, pbx: PbxKind): UnmappedAccess {
  if (setting !== undefined) return setting;
  return pbx === 'demo' ? 'demo' : 'none';
}
