import { browser } from 'wxt/browser';
import type { PanelUi, Preferences } from '../settings';
import { PANEL_UI_KEY as PANEL_UI, PREFERENCES_KEY as PREFERENCES } from '../settingsKeys';

/**
 * The two settings a content script needs, read straight from `browser.storage` under the keys
 * `utils/settings.ts` defines its items with (`utils/settingsKeys.ts`; WXT stores an item's value
 * as is under its key). Why not the items themselves:
 * WXT's storage wrapper costs 3.6 KB gzip of the 70 KB content-script budget. Values are read
 * defensively (older or partial objects), so a missing field means its default.
 */

/** What a panel reads from the preferences. */
export type PanelPreferences = Pick<Preferences, 'showBots' | 'utcTimes' | 'defaultOrgWindow' | 'orgActivityRepos'> & {
  /** sections the user turned off are `false`; missing means shown */
  repoSections: Partial<Preferences['repoSections']>;
};

function toPanelPreferences(raw: unknown): PanelPreferences {
  const p = (raw && typeof raw === 'object' ? raw : {}) as Partial<Preferences>;
  return {
    repoSections: p.repoSections && typeof p.repoSections === 'object' ? p.repoSections : {},
    showBots: p.showBots === true,
    utcTimes: p.utcTimes === true,
    defaultOrgWindow: p.defaultOrgWindow === '24h' || p.defaultOrgWindow === '30d' ? p.defaultOrgWindow : '7d',
    orgActivityRepos:
      typeof p.orgActivityRepos === 'number' && Number.isInteger(p.orgActivityRepos) && p.orgActivityRepos >= 5 && p.orgActivityRepos <= 30
        ? p.orgActivityRepos
        : 10,
  };
}

/** The preferences a panel uses when none are saved or they cannot be read. */
export const DEFAULT_PANEL_PREFERENCES: Readonly<PanelPreferences> = Object.freeze(toPanelPreferences(undefined));

export async function readPanelPreferences(): Promise<PanelPreferences> {
  const got = await browser.storage[PREFERENCES.area].get(PREFERENCES.key);
  return toPanelPreferences(got[PREFERENCES.key]);
}

/** Calls `onChange` when the options page saves preferences; returns the stop function. */
export function watchPanelPreferences(onChange: (prefs: PanelPreferences) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[PREFERENCES.key];
    if (area === PREFERENCES.area && change) onChange(toPanelPreferences(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export async function readCollapsed(kind: keyof PanelUi['collapsed']): Promise<boolean> {
  const got = await browser.storage[PANEL_UI.area].get(PANEL_UI.key);
  return (got[PANEL_UI.key] as Partial<PanelUi> | undefined)?.collapsed?.[kind] === true;
}

export async function writeCollapsed(kind: keyof PanelUi['collapsed'], collapsed: boolean): Promise<void> {
  const got = await browser.storage[PANEL_UI.area].get(PANEL_UI.key);
  const ui = (got[PANEL_UI.key] as Partial<PanelUi> | undefined) ?? {};
  const next: PanelUi = { ...ui, collapsed: { repo: false, org: false, ...ui.collapsed, [kind]: collapsed } };
  await browser.storage[PANEL_UI.area].set({ [PANEL_UI.key]: next });
}

/** The org panel's view last chosen; undefined when the user never chose one. */
export async function readOrgTab(): Promise<'activity' | 'insights' | undefined> {
  const got = await browser.storage[PANEL_UI.area].get(PANEL_UI.key);
  const tab = (got[PANEL_UI.key] as Partial<PanelUi> | undefined)?.orgTab;
  return tab === 'insights' || tab === 'activity' ? tab : undefined;
}

export async function writeOrgTab(tab: 'activity' | 'insights'): Promise<void> {
  const got = await browser.storage[PANEL_UI.area].get(PANEL_UI.key);
  const ui = (got[PANEL_UI.key] as Partial<PanelUi> | undefined) ?? {};
  const next: PanelUi = { ...ui, collapsed: { repo: false, org: false, ...ui.collapsed }, orgTab: tab };
  await browser.storage[PANEL_UI.area].set({ [PANEL_UI.key]: next });
}
