import type { NoAccessReason, QueryState } from '../../utils/protocol';

/** What each no-access reason means for the user, and what to do about it. */
export function noAccessSentence(reason: NoAccessReason | undefined, host: string, what: string): string {
  switch (reason) {
    case 'no-token':
      return `${what} needs a token for ${host}. Add one in Statboard's options.`;
    case 'bad-token':
      return `GitHub rejected the token for ${host}: it may have expired or been revoked. Check it in Statboard's options.`;
    case 'missing-permission':
      return `The token for ${host} is missing a permission needed to read ${lower(what)}.`;
    case 'unsupported-host':
      return `${host} does not offer ${lower(what)}.`;
    case 'not-found':
    default:
      return `GitHub did not find ${lower(what)}: it may be private and your token for ${host} cannot see it.`;
  }
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The panel's overall state: `ready` as soon as any section is, otherwise the state that tells
 * the user most (an access problem explains everything below it; `loading` tells least).
 */
const INFORMATIVE: readonly QueryState[] = [
  'ready',
  'no-access',
  'rate-limited',
  'error',
  'computing',
  'too-large',
  'empty',
  'loading',
];

export function panelState(states: readonly QueryState[]): QueryState {
  let best = INFORMATIVE.length - 1;
  for (const state of states) best = Math.min(best, INFORMATIVE.indexOf(state));
  return states.length ? (INFORMATIVE[best] ?? 'loading') : 'loading';
}
