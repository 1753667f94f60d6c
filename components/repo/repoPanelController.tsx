import { useLayoutEffect, useState } from 'preact/hooks';
import { ChartSourceContext, KIT_CSS } from '../kit';
import { chartsPart } from './chartsPart';
import { RepoPanel } from './RepoPanel';
import { SECTIONS } from './sections';
import type { RepoRef } from './types';
import { createStatboardClient } from '../../utils/statboardClient';
import {
  detectRepoPage,
  findMainColumn,
  findRepoSidebar,
  mountPanel,
  repoUrlShape,
  DEFAULT_PANEL_PREFERENCES,
  readCollapsed,
  readPanelPreferences,
  watchPanelPreferences,
  type PanelController,
  type PanelPreferences,
  type RepoPage,
} from '../../utils/page';

/**
 * Where and how the repository panel mounts: repository root and code views, in the sidebar
 * directly below "About" (utils/page/anchor.ts: findRepoSidebar), or at the top of the main
 * column below the repository header when the layout has no sidebar (findMainColumn).
 * The host always comes from `location.host` (github.com or an Enterprise host, with its port).
 */
export const repoPanelController: PanelController<RepoPage> = {
  // By shape: the background already kept GitHub's own pages out, and the page's own tags confirm.
  match: repoUrlShape,
  confirm: detectRepoPage,
  key: (page) => `${page.host}/${page.nwo}`.toLowerCase(),
  findAnchor: findRepoSidebar,
  findFallback: findMainColumn,
  mount(page, placement) {
    // The settings are asked for before anything renders: they decide which queries go out
    // (a hidden section is never fetched), so the sooner they arrive, the sooner the queries do.
    performance.mark('statboard:repo-mount');
    const settings = readSettings();
    const client = createStatboardClient();
    const repo: RepoRef = { host: page.host, owner: page.owner, repo: page.repo, nwo: page.nwo };
    // Meanwhile every section's data is asked for out of view (from the cache, never fetched), so
    // it is on the page when the settings say which sections show; Root ends the rest.
    for (const section of SECTIONS) client.prewatch(section.query(repo), 'interactive', section.shape);
    const panel = mountPanel({
      name: 'repo',
      css: KIT_CSS,
      insert: placement.insert,
      tree: (
        <ChartSourceContext.Provider value={chartsPart(client)}>
          <Root client={client} repo={repo} settings={settings} />
        </ChartSourceContext.Provider>
      ),
    });
    return {
      host: panel.host,
      unmount() {
        panel.unmount();
        client.close();
      },
    };
  },
};

interface LoadedSettings {
  prefs: PanelPreferences;
  collapsed: boolean;
}

/** Both settings at once; the defaults when storage cannot be read. */
function readSettings(): Promise<LoadedSettings> {
  return Promise.all([readPanelPreferences(), readCollapsed('repo')]).then(
    ([prefs, collapsed]) => ({ prefs, collapsed }),
    () => ({ prefs: DEFAULT_PANEL_PREFERENCES, collapsed: false }),
  );
}

/**
 * Renders nothing until the settings are read (a collapsed panel must not flash open, a hidden
 * section must not be fetched), then the panel; follows preference changes made in the options page.
 */
function Root({ client, repo, settings: read }: { client: ReturnType<typeof createStatboardClient>; repo: RepoRef; settings: Promise<LoadedSettings> }) {
  const [settings, setSettings] = useState<LoadedSettings | null>(null);
  // A layout effect runs within mount(), in the task that started the read: no change can be missed.
  useLayoutEffect(() => {
    let live = true;
    // A change saved while the first read was in flight wins over what that read returns.
    let changed: PanelPreferences | null = null;
    void read.then((loaded) => {
      performance.mark('statboard:repo-settings');
      if (live) setSettings(changed ? { ...loaded, prefs: changed } : loaded);
    });
    const stop = watchPanelPreferences((prefs) => {
      changed = prefs;
      if (live) setSettings((s) => (s ? { ...s, prefs } : s));
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  // After the panel's first commit (its sections' watches took over their prewatches: a
  // child's layout effects run before its parent's), the sections turned off let theirs go.
  const shown = settings !== null;
  useLayoutEffect(() => {
    if (shown) client.releasePrewatches();
  }, [shown]);
  if (!settings) return null;
  return <RepoPanel client={client} repo={repo} prefs={settings.prefs} initialCollapsed={settings.collapsed} />;
}
