import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createPanelInjector,
  sessionInjectedPanels,
  type PanelInjectionDeps,
  type PanelKind,
  type PanelPage,
  type SessionArea,
} from '../../utils/background/panelInjection';
import { configuredHost } from '../../utils/account/hostAccess';
import { NO_PAGE_FACTS, type PageFacts } from '../../utils/page/detect';
import type { PageProbe } from '../../utils/page/probe';

/**
 * The background's decision, from a tab event to a panel injected (or not), with the browser's
 * parts faked: `probe` answers what the page's facts would be, `inject` records what would be
 * injected, the record is WXT's fakeBrowser `storage.session`.
 */

const REPO: PageFacts = { ...NO_PAGE_FACTS, repositoryNwo: 'acme/rocket', subject: 'repository:1', routePattern: '/:user_id/:repository', repositoryHeader: true };
const ORG: PageFacts = { ...NO_PAGE_FACTS, subject: 'organization:9', routePattern: '/:user_id' };
const USER: PageFacts = { ...NO_PAGE_FACTS, subject: 'user:5', routePattern: '/:user_id' };
const HOSTS = { gheCom: ['acme.ghe.com'], enterpriseServers: ['git.corp.example:8443'] };

interface Tab {
  href: string;
  facts: PageFacts;
  doc: number;
  /** the probe never answers until released */
  hold?: Promise<void>;
  closed?: boolean;
}

function harness(tabs: Map<number, Tab>, options: { failInject?: boolean; session?: SessionArea } = {}) {
  const injected: Array<{ tabId: number; panel: PanelKind; documentId?: string }> = [];
  const prefetched: PanelPage[] = [];
  /** whether each prefetch was for a page its tags confirmed */
  const confirmed: boolean[] = [];
  const probe = vi.fn(async (tabId: number) => {
    const tab = tabs.get(tabId);
    if (!tab || tab.closed) throw new Error('No tab with id');
    await tab.hold;
    const answer: PageProbe = { href: tab.href, facts: tab.facts, doc: tab.doc };
    return { probe: answer, documentId: `doc-${tab.doc}` };
  });
  const deps: PanelInjectionDeps = {
    servesHost: async (host) => configuredHost(host, HOSTS) !== null,
    probe,
    inject: async (tabId, panel, documentId) => {
      if (options.failInject) throw new Error('Frame with ID 0 was removed');
      injected.push({ tabId, panel, documentId });
    },
    prefetch: (page, sure) => {
      prefetched.push(page);
      confirmed.push(sure === true);
    },
    injected: sessionInjectedPanels((options.session ?? fakeBrowser.storage.session) as unknown as SessionArea),
  };
  return { injector: createPanelInjector(deps), injected, prefetched, confirmed, probe, deps };
}

const visit = (injector: ReturnType<typeof harness>['injector'], tabId: number, url: string) =>
  injector.tabUpdated(tabId, { url, status: 'loading' }, { url });

describe('the background decides from the URL first', () => {
  it('an issue page, a pull request, settings and GitHub’s own pages: nothing runs in the tab', async () => {
    const tabs = new Map<number, Tab>();
    const h = harness(tabs);
    for (const url of [
      'https://github.com/acme/rocket/issues/1',
      'https://github.com/acme/rocket/pull/2',
      'https://github.com/acme/rocket/settings',
      'https://github.com/features/copilot',
      'https://github.com/',
      'https://github.com/orgs/acme/repositories',
    ]) {
      tabs.set(1, { href: url, facts: REPO, doc: 1 });
      expect(await visit(h.injector, 1, url), url).toBe('no-panel-url');
    }
    expect(h.probe).not.toHaveBeenCalled();
    expect(h.injected).toEqual([]);
    expect(h.prefetched).toEqual([]);
  });

  it('a title or favicon change is not a page change', async () => {
    const h = harness(new Map());
    expect(await h.injector.tabUpdated(1, { title: 'x' } as never, { url: 'https://github.com/acme/rocket' })).toBe('ignored');
    expect(await h.injector.tabUpdated(1, { status: 'complete' }, {})).toBe('ignored'); // URL withheld: no permission
    expect(h.probe).not.toHaveBeenCalled();
  });

  it('a host the user did not add is not probed, an added one is (GHE.com, Enterprise Server on a port)', async () => {
    const tabs = new Map<number, Tab>([
      [1, { href: 'https://other.ghe.com/acme/rocket', facts: REPO, doc: 1 }],
      [2, { href: 'https://acme.ghe.com/acme/rocket', facts: REPO, doc: 2 }],
      [3, { href: 'https://git.corp.example:8443/acme/rocket', facts: REPO, doc: 3 }],
      [4, { href: 'https://git.corp.example/acme/rocket', facts: REPO, doc: 4 }],
    ]);
    const h = harness(tabs);
    expect(await visit(h.injector, 1, tabs.get(1)!.href)).toBe('host-not-served');
    expect(await visit(h.injector, 2, tabs.get(2)!.href)).toBe('injected');
    expect(await visit(h.injector, 3, tabs.get(3)!.href)).toBe('injected');
    expect(await visit(h.injector, 4, tabs.get(4)!.href)).toBe('host-not-served');
    expect(h.probe.mock.calls.map(([tabId]) => tabId)).toEqual([2, 3]);
    expect(h.injected.map((i) => i.tabId)).toEqual([2, 3]);
  });
});

describe('then from the page facts', () => {
  it('a repository page gets the repository panel, into the probed document', async () => {
    const tabs = new Map<number, Tab>([[7, { href: 'https://github.com/acme/rocket', facts: REPO, doc: 100 }]]);
    const h = harness(tabs);
    expect(await visit(h.injector, 7, 'https://github.com/acme/rocket')).toBe('injected');
    expect(h.injected).toEqual([{ tabId: 7, panel: 'repo', documentId: 'doc-100' }]);
  });

  it('`/NAME`: an organization gets the org panel, a user profile nothing', async () => {
    const tabs = new Map<number, Tab>([
      [1, { href: 'https://github.com/acme', facts: ORG, doc: 1 }],
      [2, { href: 'https://github.com/mona', facts: USER, doc: 2 }],
    ]);
    const h = harness(tabs);
    expect(await visit(h.injector, 1, 'https://github.com/acme')).toBe('injected');
    expect(await visit(h.injector, 2, 'https://github.com/mona')).toBe('no-panel');
    expect(h.injected).toEqual([{ tabId: 1, panel: 'org', documentId: 'doc-1' }]);
  });

  it('a repository-shaped page without any repository landmark (a marketing page, a 404) gets nothing', async () => {
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme/no-such-repo', facts: NO_PAGE_FACTS, doc: 1 }]]);
    const h = harness(tabs);
    expect(await visit(h.injector, 1, 'https://github.com/acme/no-such-repo')).toBe('no-panel');
    expect(h.injected).toEqual([]);
  });

  it('decides on the URL the page shows when probed, not the one the event named', async () => {
    // The tab moved on (a soft navigation to an issue) between the event and the probe.
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme/rocket/issues/1', facts: REPO, doc: 1 }]]);
    const h = harness(tabs);
    expect(await visit(h.injector, 1, 'https://github.com/acme/rocket')).toBe('no-panel');
    expect(h.injected).toEqual([]);
  });
});

describe('once per document', () => {
  it('soft navigations in a document with the panel inject nothing more; another panel kind is added once', async () => {
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme/rocket', facts: REPO, doc: 1 }]]);
    const h = harness(tabs);
    expect(await visit(h.injector, 1, 'https://github.com/acme/rocket')).toBe('injected');
    // Chrome reports the end of the load too.
    expect(await h.injector.tabUpdated(1, { status: 'complete' }, { url: 'https://github.com/acme/rocket' })).toBe('already');
    tabs.set(1, { href: 'https://github.com/acme/huge', facts: { ...REPO, repositoryNwo: 'acme/huge' }, doc: 1 });
    expect(await visit(h.injector, 1, 'https://github.com/acme/huge')).toBe('already');
    tabs.set(1, { href: 'https://github.com/acme', facts: ORG, doc: 1 });
    expect(await visit(h.injector, 1, 'https://github.com/acme')).toBe('injected');
    tabs.set(1, { href: 'https://github.com/acme/rocket', facts: REPO, doc: 1 });
    expect(await visit(h.injector, 1, 'https://github.com/acme/rocket')).toBe('already');
    expect(h.injected.map((i) => i.panel)).toEqual(['repo', 'org']);
  });

  it('a new document in the tab (a load, a reload) gets its panel again', async () => {
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme/rocket', facts: REPO, doc: 1 }]]);
    const h = harness(tabs);
    await visit(h.injector, 1, 'https://github.com/acme/rocket');
    tabs.set(1, { href: 'https://github.com/acme/rocket', facts: REPO, doc: 2 });
    expect(await h.injector.tabUpdated(1, { status: 'loading' }, { url: 'https://github.com/acme/rocket' })).toBe('injected');
    expect(h.injected.map((i) => i.documentId)).toEqual(['doc-1', 'doc-2']);
  });

  it('a restarted worker (a new injector, the same storage.session) does not inject again', async () => {
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme/rocket', facts: REPO, doc: 1 }]]);
    const first = harness(tabs);
    expect(await visit(first.injector, 1, 'https://github.com/acme/rocket')).toBe('injected');
    const second = harness(tabs);
    expect(await visit(second.injector, 1, 'https://github.com/acme/rocket')).toBe('already');
    expect(second.injected).toEqual([]);
  });

  it('a closed tab is forgotten', async () => {
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme/rocket', facts: REPO, doc: 1 }]]);
    const h = harness(tabs);
    await visit(h.injector, 1, 'https://github.com/acme/rocket');
    h.injector.tabRemoved(1);
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get('panelInjections')).toEqual({ panelInjections: {} }));
  });
});

describe('races', () => {
  it('the tab was closed before the probe: nothing is injected', async () => {
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme/rocket', facts: REPO, doc: 1, closed: true }]]);
    const h = harness(tabs);
    expect(await visit(h.injector, 1, 'https://github.com/acme/rocket')).toBe('unreachable');
    expect(h.injected).toEqual([]);
  });

  it('a newer page change while the probe waits: the older decision drops its answer', async () => {
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme/rocket', facts: REPO, doc: 1, hold }]]);
    const h = harness(tabs);
    const older = visit(h.injector, 1, 'https://github.com/acme/rocket');
    await vi.waitFor(() => expect(h.probe).toHaveBeenCalledTimes(1));
    tabs.set(1, { href: 'https://github.com/acme', facts: ORG, doc: 1 });
    const newer = visit(h.injector, 1, 'https://github.com/acme');
    release();
    expect(await older).toBe('superseded');
    expect(await newer).toBe('injected');
    expect(h.injected.map((i) => i.panel)).toEqual(['org']);
  });

  it('the same URL reported again while the probe waits (the load commits): the first answer injects, once', async () => {
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme/rocket', facts: REPO, doc: 1, hold }]]);
    const h = harness(tabs);
    const first = visit(h.injector, 1, 'https://github.com/acme/rocket');
    await vi.waitFor(() => expect(h.probe).toHaveBeenCalledTimes(1));
    // `loading` again without a URL, then `complete`: the same page.
    const again = h.injector.tabUpdated(1, { status: 'loading' }, { url: 'https://github.com/acme/rocket' });
    const done = h.injector.tabUpdated(1, { status: 'complete' }, { url: 'https://github.com/acme/rocket' });
    release();
    expect((await Promise.all([first, again, done])).sort()).toEqual(['already', 'already', 'injected']);
    expect(await first).toBe('injected');
    expect(h.injected).toEqual([{ tabId: 1, panel: 'repo', documentId: 'doc-1' }]);
  });

  it('the document went away before the bundle arrived: not recorded, so the next look injects', async () => {
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme/rocket', facts: REPO, doc: 1 }]]);
    const failing = harness(tabs, { failInject: true });
    expect(await visit(failing.injector, 1, 'https://github.com/acme/rocket')).toBe('unreachable');
    const next = harness(tabs);
    expect(await visit(next.injector, 1, 'https://github.com/acme/rocket')).toBe('injected');
  });

  it('without storage.session (an older browser) it still decides, from memory', async () => {
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme/rocket', facts: REPO, doc: 1 }]]);
    const broken: SessionArea = { get: () => Promise.reject(new Error('no session storage')), set: () => Promise.reject(new Error('no session storage')) };
    const h = harness(tabs, { session: broken });
    expect(await visit(h.injector, 1, 'https://github.com/acme/rocket')).toBe('injected');
    expect(await visit(h.injector, 1, 'https://github.com/acme/rocket')).toBe('already');
  });
});

describe('prefetch at decision time', () => {
  it('starts with the URL’s repository, before the probe answers, and again with the page’s spelling', async () => {
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/Acme/Rocket', facts: REPO, doc: 1, hold }]]);
    const h = harness(tabs);
    const decided = visit(h.injector, 1, 'https://github.com/Acme/Rocket');
    await vi.waitFor(() => expect(h.probe).toHaveBeenCalled());
    expect(h.prefetched).toEqual([{ kind: 'repo', host: 'github.com', owner: 'Acme', repo: 'Rocket', nwo: 'Acme/Rocket' }]);
    release();
    expect(await decided).toBe('injected');
    expect(h.prefetched[1]).toEqual({ kind: 'repo', host: 'github.com', owner: 'acme', repo: 'rocket', nwo: 'acme/rocket' });
    // From the URL: cache only; confirmed by the page's tags: may be fetched ahead.
    expect(h.confirmed).toEqual([false, true]);
  });

  it('an organization URL holds its repository list', async () => {
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme', facts: ORG, doc: 1 }]]);
    const h = harness(tabs);
    await visit(h.injector, 1, 'https://github.com/acme');
    expect(h.prefetched).toEqual([{ kind: 'org', host: 'github.com', org: 'acme' }, { kind: 'org', host: 'github.com', org: 'acme' }]);
    expect(h.confirmed).toEqual([false, true]);
  });

  it('a repository-shaped URL the page does not confirm (a 404, a marketing page) is never confirmed', async () => {
    const tabs = new Map<number, Tab>([[1, { href: 'https://github.com/acme/nope', facts: NO_PAGE_FACTS, doc: 1 }]]);
    const h = harness(tabs);
    expect(await visit(h.injector, 1, 'https://github.com/acme/nope')).toBe('no-panel');
    expect(h.confirmed).toEqual([false]);
  });
});
