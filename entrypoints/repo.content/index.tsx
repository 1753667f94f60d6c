import { defineContentScript } from 'wxt/utils/define-content-script';
import { useEffect, useState } from 'preact/hooks';
import { KIT_CSS } from '../../components/kit';
import { RepoPanel } from '../../components/repo/RepoPanel';
import type { RepoRef } from '../../components/repo/types';
import { createStatboardClient } from '../../utils/statboardClient';
import {
  detectRepoPage,
  findMainColumn,
  findRepoSidebar,
  mountPanel,
  parseRepoUrl,
  readCollapsed,
  readPanelPreferences,
  startPanelController,
  watchPanelPreferences,
  type PanelPreferences,
} from '../../utils/page';

/**
 * The repository panel on github.com (and on GitHub Enterprise hosts, where the options page
 * registers this same script at run time: the host always comes from `location.hostname`).
 */
export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startPanelController(
      {
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
      },
      ctx.signal,
    );
  },
});

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
      .catch(() => live && setSettings({ prefs: { repoSections: {}, showBots: false, utcTimes: false, defaultOrgWindow: '7d' }, collapsed: false }));
    const stop = watchPanelPreferences((prefs) => live && setSettings((s) => (s ? { ...s, prefs } : s)));
    return () => {
      live = false;
      stop();
    };
  }, []);
  if (!settings) return null;
  return <RepoPanel client={client} repo={repo} prefs={settings.prefs} initialCollapsed={settings.collapsed} />;
}
