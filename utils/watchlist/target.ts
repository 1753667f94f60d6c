import type { HostSettings } from '../settings';
import { configuredHost, type GitHubHost } from '../github/hosts';
import { isReservedPath } from '../page/detect';
import { isValidWatchName } from './list';

/** What the active tab shows, read from its URL alone (the popup has no page access). */
export type PageTarget =
  | { kind: 'repo'; host: GitHubHost; owner: string; repo: string; name: string }
  | { kind: 'org'; host: GitHubHost; org: string; name: string; certain: boolean }
  | { kind: 'other'; host: GitHubHost | null };

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function targetFromUrl(url: string | undefined, settings: HostSettings): PageTarget {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return { kind: 'other', host: null };
  }
  if (parsed.protocol !== 'https:') return { kind: 'other', host: null };
  const host = configuredHost(parsed.host, settings);
  if (!host) return { kind: 'other', host: null };
  const [first, second] = parsed.pathname.split('/').filter((part) => part !== '').map(safeDecode);
  if (!first) return { kind: 'other', host };
  if (first === 'orgs' && second && isValidWatchName('org', second)) {
    return { kind: 'org', host, org: second, name: second, certain: true };
  }
  if (isReservedPath(first)) return { kind: 'other', host };
  if (second) {
    const name = `${first}/${second.replace(/\.git$/, '')}`;
    return isValidWatchName('repo', name)
      ? { kind: 'repo', host, owner: first, repo: second.replace(/\.git$/, ''), name }
      : { kind: 'other', host };
  }
  // `/NAME` is a user or an organization; the URL cannot tell which.
  return isValidWatchName('org', first) ? { kind: 'org', host, org: first, name: first, certain: false } : { kind: 'other', host };
}
