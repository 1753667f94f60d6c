import { browser } from 'wxt/browser';
import type { HostId } from '../protocol';
import type { HostSettings } from '../settings';
import { apiOriginPattern, configuredHost, normalizeHostId, pagesOriginPattern, resolveHost, type GitHubHost } from '../github/hosts';

// The host rules live with the hosts (utils/github/hosts.ts); re-exported for the options page.
export { configuredHost, configuredHosts, type AddedHosts } from '../github/hosts';

/**
 * GitHub Enterprise hosts (GHE.com and Enterprise Server): which host is configured, which
 * origins to ask permission for, and the content scripts registered for them at run time
 * (the manifest only knows github.com).
 */

interface ManifestScripts {
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
}

/**
 * The content-script files the manifest really lists (so a build without one of them, or
 * with new names, still registers what exists), in a stable order, without duplicates.
 */
export function contentScriptFiles(manifest: ManifestScripts): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const script of manifest.content_scripts ?? []) {
    for (const file of script.js ?? []) js.add(file);
    for (const file of script.css ?? []) css.add(file);
  }
  return { js: [...js].sort(), css: [...css].sort() };
}

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

/** The origins a host needs: its pages (content scripts) and its API. */
export function hostOrigins(host: GitHubHost): string[] {
  const patterns = [pagesOriginPattern(host), apiOriginPattern(host)];
  return [...new Set(patterns)];
}

/** The id of a host's registered content scripts (one registration per host). */
export function contentScriptId(host: HostId): string {
  return `statboard-host-${host.replace(/[^a-z0-9-]/g, '_')}`;
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

/** Registers the page detector on the host's pages (replacing an older registration). */
export async function registerHostContentScripts(host: GitHubHost): Promise<void> {
  const id = contentScriptId(host.id);
  await unregisterHostContentScripts(host.id);
  const files = contentScriptFiles(browser.runtime.getManifest() as ManifestScripts);
  if (files.js.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id,
      matches: [pagesOriginPattern(host)],
      js: files.js,
      ...(files.css.length > 0 ? { css: files.css } : {}),
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

export async function unregisterHostContentScripts(id: HostId): Promise<void> {
  const scriptId = contentScriptId(id);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [scriptId] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [scriptId] });
}

/** Removes the host's permission (keeping github.com's API, which the manifest grants). */
export async function revokeHostPermission(host: GitHubHost): Promise<void> {
  await browser.permissions.remove({ origins: hostOrigins(host) });
}

/**
 * The panel bundles (entrypoints/repo-panel.content, entrypoints/org-panel.content): injected on
 * demand, never listed in the manifest, so only the pages that show a panel parse Preact and
 * Chart.js. The background picks the file; the page only names the kind.
 */
export const PANEL_SCRIPTS = {
  repo: '/content-scripts/repo-panel.js',
  org: '/content-scripts/org-panel.js',
  // The org panel's API Insights views, asked for by the org panel itself (components/org/insightsPart.ts).
  'org-insights': '/content-scripts/org-insights.js',
} as const;

/** Injects a panel into the frame whose page detector asked for it (the sender was checked). */
export async function injectPanel(
  panel: keyof typeof PANEL_SCRIPTS,
  sender: { tab?: { id?: number }; frameId?: number },
): Promise<{ ok: true }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('Panels go into a tab.');
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PANEL_SCRIPTS[panel]] });
  return { ok: true };
}
