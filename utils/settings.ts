import { storage } from 'wxt/utils/storage';
import { REPO_STATISTICS } from './github/repoStatistics';
import { REPO_STATS, type HostId, type RepoStat, type TokenStatus } from './protocol';
import { defineProtectedItem } from './protectedStore';
import { itemKey, PANEL_UI_KEY, PREFERENCES_KEY } from './settingsKeys';

/**
 * Every persisted setting, each with one owner:
 * - tokens: written and read by the background only (the token never leaves it).
 * - hosts: written by the options page, read by the background and the extension's own pages.
 *   Tokens and hosts are in the protected store (protectedStore.ts: the extension's IndexedDB),
 *   which no content script or web page can read or write; `storage.local` can be.
 * - preferences: written by the options page, read everywhere.
 * - panelUi: small per-user UI memory (collapsed panels), written by the panels.
 */

export interface StoredToken {
  token: string;
  /** the last check of this token (GET /user), without the token itself */
  status?: TokenStatus;
  /**
   * The login the last successful check of this token found. Kept while a later check cannot
   * reach GitHub, so the token's cache namespace does not flip back and forth (engine/index.ts).
   */
  login?: string;
}

const NO_TOKENS: Record<HostId, StoredToken> = {};

/** Background only. Keyed by host id (`github.com`, `acme.ghe.com`, ...). */
export const tokensItem = defineProtectedItem<Record<HostId, StoredToken>>('tokens', NO_TOKENS);

export interface HostSettings {
  /** GHE.com hosts the user added, e.g. `acme.ghe.com` */
  gheCom: HostId[];
  /** GitHub Enterprise Server hosts the user added, e.g. `git.corp.example` */
  enterpriseServers: HostId[];
}

/** No host added: the stored default, and what a reader takes for a missing value. */
export const NO_HOSTS: HostSettings = { gheCom: [], enterpriseServers: [] };

export const hostsItem = defineProtectedItem<HostSettings>('hosts', NO_HOSTS);

export type OrgWindowPreset = '24h' | '7d' | '30d';

export interface Preferences {
  /** which repository sections show */
  repoSections: Record<RepoStat, boolean>;
  defaultOrgWindow: OrgWindowPreset;
  /** show bot accounts in contributor lists by default */
  showBots: boolean;
  /** how often a repository's default-branch head is checked (minutes) */
  freshnessMinutes: number;
  /** how long API Insights answers stay fresh (minutes) */
  insightsTtlMinutes: number;
  /** IndexedDB cache cap (MB); least recently used entries go first */
  cacheCapMB: number;
  /** how often watched entries refresh in the background (minutes) */
  watchIntervalMinutes: number;
  /** show org times in UTC instead of local time */
  utcTimes: boolean;
  /** how many of an org's most recently pushed repositories its Activity counts (5..30) */
  orgActivityRepos: number;
}

export const DEFAULT_PREFERENCES: Preferences = {
  repoSections: Object.fromEntries(REPO_STATS.map((stat) => [stat, REPO_STATISTICS[stat].shownByDefault])) as Record<RepoStat, boolean>,
  defaultOrgWindow: '7d',
  showBots: false,
  freshnessMinutes: 10,
  insightsTtlMinutes: 10,
  cacheCapMB: 50,
  watchIntervalMinutes: 60,
  utcTimes: false,
  orgActivityRepos: 10,
};

export const preferencesItem = storage.defineItem<Preferences>(itemKey(PREFERENCES_KEY), {
  fallback: DEFAULT_PREFERENCES,
});

/** Stored preferences merged over the defaults (older stored objects may lack newer fields). */
export function withDefaultPreferences(stored: Partial<Preferences> | null | undefined): Preferences {
  return {
    ...DEFAULT_PREFERENCES,
    ...stored,
    repoSections: { ...DEFAULT_PREFERENCES.repoSections, ...stored?.repoSections },
  };
}

/** Reads preferences merged over the defaults. */
export async function getPreferences(): Promise<Preferences> {
  return withDefaultPreferences(await preferencesItem.getValue());
}

export interface PanelUi {
  collapsed: { repo: boolean; org: boolean };
  /** the org panel's view last chosen (for those who have API Insights) */
  orgTab?: 'activity' | 'insights';
}

const PANELS_OPEN: PanelUi = { collapsed: { repo: false, org: false } };

export const panelUiItem = storage.defineItem<PanelUi>(itemKey(PANEL_UI_KEY), { fallback: PANELS_OPEN });
