import { browser } from 'wxt/browser';
import type { HostId } from '../protocol';
import type { HostSettings } from '../settings';
import { apiOriginPattern, configuredHost, normalizeHostId, pagesOriginPattern, resolveHost, type GitHubHost } from '../github/hosts';

// The host rules live with the hosts (utils/github/hosts.ts); re-exported for the options page.
export { configuredHost, configuredHosts, type AddedHosts } from '../github/hosts';

/**
 * GitHub Enterprise hosts (GHE.com and Enterprise Server): which host is configured and which
 * origins to ask permission for. Their pages get panels the way github.com's do: the background
 * sees their tabs once the origin is granted (utils/background/panelInjection.ts).
 */

export type HostKindChoice = 'ghe-com' | 'ghes';

export type NewHost = { ok: true; host: GitHubHost } | { ok: false; error: string };

/**
 * Reads what the user typed for a new host. A GHE.com host can be typed as the subdomain
 * (`acme`) or in full (`acme.ghe.com`); an Enterprise Server host as a hostname or a URL.
 */
export function parseNewHost(input: string, kind: HostKindChoice, settings: HostSettings): NewHost {
  const typed = input.trim().toLowerCase();
  if (typed === '') return { ok: false, error: kind === 'ghe-com' ? 'Type your GHE.com subdomain.' : 'Type the server’s host name.' };
  const candidate = kind === 'ghe-com' && !typed.includes('.') ? `${typed}.ghe.com` : typed;
  const id = normalizeHostId(candidate);
  if (!id) return { ok: false, error: 'That is not a valid host name.' };
  if (id === 'github.com' || id.endsWith('.github.com')) return { ok: false, error: 'github.com is built in.' };
  const isGheCom = id.endsWith('.ghe.com');
  if (kind === 'ghe-com' && !isGheCom) return { ok: false, error: 'A GHE.com host looks like NAME.ghe.com.' };
  if (kind === 'ghes' && isGheCom) return { ok: false, error: 'That is a GHE.com host: choose GHE.com instead.' };
  if (configuredHost(id, settings)) return { ok: false, error: `${id} is already added.` };
  const host = resolveHost(id, kind === 'ghes' ? [id] : []);
  return host ? { ok: true, host } : { ok: false, error: 'That is not a valid host name.' };
}

/** The origins a host needs: its pages (its tabs' URLs, the panels' injection) and its API. */
export function hostOrigins(host: GitHubHost): string[] {
  const patterns = [pagesOriginPattern(host), apiOriginPattern(host)];
  return [...new Set(patterns)];
}

export function withHost(settings: HostSettings, host: GitHubHost): HostSettings {
  if (host.kind === 'ghe-com') return { ...settings, gheCom: [...new Set([...settings.gheCom, host.id])] };
  if (host.kind === 'ghes') return { ...settings, enterpriseServers: [...new Set([...settings.enterpriseServers, host.id])] };
  return settings;
}

export function withoutHost(settings: HostSettings, id: HostId): HostSettings {
  return {
    gheCom: settings.gheCom.filter((h) => h !== id),
    enterpriseServers: settings.enterpriseServers.filter((h) => h !== id),
  };
}

/**
 * Must run inside the click handler: browsers grant permissions only from a user gesture,
 * so nothing may be awaited before this call.
 */
export function requestHostPermission(host: GitHubHost): Promise<boolean> {
  return browser.permissions.request({ origins: hostOrigins(host) });
}

/** Removes the host's permission (keeping github.com's API, which the manifest grants). */
export async function revokeHostPermission(host: GitHubHost): Promise<void> {
  await browser.permissions.remove({ origins: hostOrigins(host) });
}
