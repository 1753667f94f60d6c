import { useEffect, useState } from 'preact/hooks';
import { hasTokenFor, OrgPanel } from './OrgPanel';
import { ORG_PANEL_CSS } from './styles';
import { resolveHost } from '../../utils/github/hosts';
import {
  detectOrgPage,
  findOrgFallback,
  findOrgOverview,
  mountPanel,
  orgUrlShape,
  DEFAULT_PANEL_PREFERENCES,
  readCollapsed,
  readOrgTab,
  readPanelPreferences,
  type OrgPage,
  type PanelController,
  type PanelPreferences,
} from '../../utils/page';
import { createStatboardClient, type StatboardClient } from '../../utils/statboardClient';

/**
 * Where and how the organization panel mounts: org profiles only (`/ORG` whose
 * `hovercard-subject-tag` says `organization:`), in the overview column above the pinned or
 * popular repositories (utils/page/anchor.ts: findOrgOverview), else the top of `<main>`. The
 * host always comes from `location.host` (github.com or an Enterprise host, with its port).
 */
export const orgPanelController: PanelController<OrgPage> = {
  // By shape: the content script already kept GitHub's own pages out, and the page's own tags confirm.
  match: orgUrlShape,
  confirm: detectOrgPage,
  key: (page) => `${page.host}/${page.org}`.toLowerCase(),
  findAnchor: findOrgOverview,
  findFallback: findOrgFallback,
  mount(page, placement) {
    const client = createStatboardClient();
    // Asked at once, before the first render (an effect would wait for a frame): the Activity
    // section's first request waits for these.
    const loading = loadSettings(client, page);
    const panel = mountPanel({
      name: 'org',
      css: ORG_PANEL_CSS,
      insert: placement.insert,
      tree: <Root client={client} page={page} loading={loading} />,
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

interface Loaded {
  supported: boolean;
  defaultWindow: PanelPreferences['defaultOrgWindow'];
  utcTimes: boolean;
  collapsed: boolean;
  tab: 'activity' | 'insights' | undefined;
  activityRepos: number;
  hasToken: boolean;
}

/**
 * What kind of host this page is on, without reading the host list (a panel cannot: it is in the
 * protected store). Panels are injected only on github.com and the hosts the user added, so a
 * host that is neither github.com nor *.ghe.com is an Enterprise Server the user added.
 */
function hostOfPage(id: string) {
  return resolveHost(id, [id]);
}

/**
 * The settings and whether the viewer has a token, read together: the token decides the first
 * view (without one, Activity alone), so asking for it only after the settings cost a round trip.
 */
function loadSettings(client: StatboardClient, page: OrgPage): Promise<Loaded> {
  const settings = Promise.all([readPanelPreferences(), readCollapsed('org'), readOrgTab()])
    .then(([prefs, collapsed, tab]) => {
      const host = hostOfPage(page.host);
      return {
        supported: host?.hasApiInsights ?? true,
        defaultWindow: prefs.defaultOrgWindow,
        utcTimes: prefs.utcTimes,
        collapsed,
        tab,
        activityRepos: prefs.orgActivityRepos,
      };
    })
    .catch(() => {
      const d = DEFAULT_PANEL_PREFERENCES;
      return { supported: true, defaultWindow: d.defaultOrgWindow, utcTimes: d.utcTimes, collapsed: false, tab: undefined, activityRepos: d.orgActivityRepos };
    });
  return Promise.all([settings, hasTokenFor(client, page.host)]).then(([loaded, hasToken]) => ({ ...loaded, hasToken }));
}

/** Renders once the settings are read (a collapsed panel must not flash open). */
function Root({ client, page, loading }: { client: StatboardClient; page: OrgPage; loading: Promise<Loaded> }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    void loading.then((value) => live && setLoaded(value));
    return () => {
      live = false;
    };
  }, [loading]);
  if (!loaded) return null;
  return (
    <OrgPanel
      client={client}
      host={page.host}
      org={page.org}
      supported={loaded.supported}
      defaultWindow={loaded.defaultWindow}
      utcTimes={loaded.utcTimes}
      initialCollapsed={loaded.collapsed}
      initialTab={loaded.tab}
      activityRepos={loaded.activityRepos}
      hasToken={loaded.hasToken}
    />
  );
}
