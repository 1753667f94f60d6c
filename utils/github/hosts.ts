import type { HostId } from '../protocol';

/**
 * Where GitHub lives for a given page host. github.com and GHE.com (data residency) follow fixed
 * rules; an Enterprise Server host is anything else the user added in the options page.
 */
export type HostKind = 'dotcom' | 'ghe-com' | 'ghes';

export interface GitHubHost {
  id: HostId;
  kind: HostKind;
  /** e.g. https://github.com */
  pagesOrigin: string;
  /** e.g. https://api.github.com, https://api.acme.ghe.com, https://git.corp/api/v3 (no trailing slash) */
  apiBase: string;
  /** API Insights exists on github.com and GHE.com, not on Enterprise Server */
  hasApiInsights: boolean;
}

export const DOTCOM: GitHubHost = {
  id: 'github.com',
  kind: 'dotcom',
  pagesOrigin: 'https://github.com',
  apiBase: 'https://api.github.com',
  hasApiInsights: true,
};

// A DNS hostname: labels of letters, digits and inner hyphens, at least one dot; an optional port.
const HOSTNAME = /^(?=.{1,253}(?::\d{1,5})?$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$/;
const GHE_COM = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.ghe\.com$/;

/** Lower-cases and checks a host name typed by a user or read from a page; null when invalid. */
export function normalizeHostId(input: string): HostId | null {
  const host = input.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return HOSTNAME.test(host) ? host : null;
}

/**
 * The GitHub host for a page host, or null when Statboard does not serve it.
 * `enterpriseServers` are the Enterprise Server hosts the user added.
 */
export function resolveHost(id: HostId, enterpriseServers: readonly HostId[] = []): GitHubHost | null {
  const host = normalizeHostId(id);
  if (!host) return null;
  if (host === 'github.com') return DOTCOM;
  const ghe = GHE_COM.exec(host);
  if (ghe) {
    return {
      id: host,
      kind: 'ghe-com',
      pagesOrigin: `https://${host}`,
      apiBase: `https://api.${ghe[1]}.ghe.com`,
      hasApiInsights: true,
    };
  }
  if (enterpriseServers.includes(host)) {
    return {
      id: host,
      kind: 'ghes',
      pagesOrigin: `https://${host}`,
      apiBase: `https://${host}/api/v3`,
      hasApiInsights: false,
    };
  }
  return null;
}

/**
 * A match pattern for an origin. Firefox refuses a port in a match pattern (MDN: the host "must
 * not include a port number") while Chrome accepts one and treats a missing port as any port, so
 * the one portable pattern for `git.corp.example:8443` is `https://git.corp.example/*`. The page
 * detector and the background still compare `host` with its port, so only that server is served.
 */
function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** The match pattern that covers a host's API (for permissions.request). */
export function apiOriginPattern(host: GitHubHost): string {
  return originPattern(host.apiBase);
}

/** The match pattern that covers a host's pages (content scripts). */
export function pagesOriginPattern(host: GitHubHost): string {
  return originPattern(host.pagesOrigin);
}

/** The hosts the user added in the options page (settings.ts HostSettings), as stored or as passed along. */
export interface AddedHosts {
  readonly gheCom: readonly HostId[];
  readonly enterpriseServers: readonly HostId[];
}

/** Every host the user can use: github.com first, then the added ones. */
export function configuredHosts(settings: AddedHosts): GitHubHost[] {
  const hosts: GitHubHost[] = [DOTCOM];
  const add = (host: GitHubHost | null, kind: GitHubHost['kind']) => {
    if (host?.kind === kind && !hosts.some((h) => h.id === host.id)) hosts.push(host);
  };
  // Each list makes only its own kind of host: a *.ghe.com name in the Enterprise Server list
  // does not make that GHE.com host served.
  for (const id of settings.gheCom) add(resolveHost(id), 'ghe-com');
  for (const id of settings.enterpriseServers) add(resolveHost(id, settings.enterpriseServers), 'ghes');
  return hosts;
}

/**
 * The host for `id` if the user has it configured (github.com always is); null otherwise. This is
 * the background's rule for queries, token checks and message senders: an unlisted GHE.com or
 * Enterprise Server host is refused.
 */
export function configuredHost(id: string, settings: AddedHosts): GitHubHost | null {
  const normalized = normalizeHostId(id);
  if (!normalized) return null;
  return configuredHosts(settings).find((host) => host.id === normalized) ?? null;
}
