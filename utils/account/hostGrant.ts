import { browser } from 'wxt/browser';
import type { GitHubHost } from '../github/hosts';
import { hostOrigins } from './hostAccess';

/**
 * Whether the browser still lets Statboard read a host's pages and API. Users can withdraw it at
 * any time (Firefox's add-on permissions, Chrome's site access "on click"); then no panel appears
 * on that host, so the popup and the options page say so and offer to ask again.
 */
/** A host whose check itself fails is not reported: a false alarm would only confuse. */
export async function missingGrants(hosts: readonly GitHubHost[]): Promise<GitHubHost[]> {
  const held = await Promise.all(hosts.map((host) => browser.permissions.contains({ origins: hostOrigins(host) }).catch(() => true)));
  return hosts.filter((_, i) => !held[i]);
}

/** Calls `onChange` whenever the extension gains or loses a permission; returns the unsubscribe. */
export function onGrantsChanged(onChange: () => void): () => void {
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
  return () => {
    browser.permissions.onAdded.removeListener(onChange);
    browser.permissions.onRemoved.removeListener(onChange);
  };
}

/**
 * Asks the browser to grant the host's origins again. Must run inside the click handler: browsers
 * grant permissions only from a user gesture, so nothing may be awaited before this call.
 */
export function requestGrant(host: GitHubHost): Promise<boolean> {
  return browser.permissions.request({ origins: hostOrigins(host) });
}
