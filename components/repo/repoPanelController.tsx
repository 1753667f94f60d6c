import { useEffect, useState } from 'preact/hooks';
import { KIT_CSS } from '../kit';
import { RepoPanel } from './RepoPanel';
import type { RepoRef } from './types';
import { createStatboardClient } from '../../utils/statboardClient';
import {
  detectRepoPage,
  findMainColumn,
  findRepoSidebar,
  mountPanel,
  parseRepoUrl,
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
 * above "About", or at the top of the main column when GitHub's markup has no such spot.
 * The host always comes from `location.hostname` (github.com or an Enterprise host).
 */
export const repoPanelController: PanelController<RepoPage> = {
  match: parseRepoUrl,
  confirm: detectRepoPage,
  key: (page) => `${page.host}/${page.nwo}`.toLowerCase(),
  findAnchor: findRepoSidebar,
  findFallback: findMainColumn,
  mount(page, placement) {
    const client = createStatboardClient();
    const repo: RepoRef = { host: page.host, owner: page.owner, repo: page.repo, nwo: page.nwo };
    const panel = mountPanel({
      name: 'repo',
      css: KIT_CSS,
      insert: placement.insert,
      tree: <Root client={client} repo={repo} />,
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

/**
 * Reads the settings before the first paint of the panel body (a collapsed panel must not
 * flash open) and follows preference changes made in the options page.
 */
function Root({ client, repo }: { client: ReturnType<typeof createStatboardClient>; repo: RepoRef }) {
  const [settings, setSettings] = useState<LoadedSettings | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([readPanelPreferences(), readCollapsed('repo')])
      .then(([prefs, collapsed]) => live && setSettings({ prefs, collapsed }))
      .catch(() => live && setSettings({ prefs: DEFAULT_PANEL_PREFERENCES, collapsed: false }));
    const stop = watchPanelPreferences((prefs) => live && setSettings((s) => (s ? { ...s, prefs } : s)));
    return () => {
      live = false;
      stop();
    };
  }, []);
  if (!settings) return null;
  return <RepoPanel client={client} repo={repo} prefs={settings.prefs} initialCollapsed={settings.collapsed} />;
}
