import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useQuery } from '../kit/useQuery';
import { BudgetNotice } from '../kit/BudgetNotice';
import type { StatboardClient } from '../../utils/statboardClient';
import type { Command, TokenStatus, WatchEntry } from '../../utils/protocol';
import { hostsItem, type HostSettings } from '../../utils/settings';
import { configuredHosts, DOTCOM, type GitHubHost } from '../../utils/github/hosts';
import { targetFromUrl, type PageTarget } from '../../utils/watchlist/target';
import { isWatched } from '../../utils/watchlist/list';
import { watchlistItem } from '../../utils/watchlist/storage';
import { rateLimitView } from '../../utils/watchlist/view';
import { OrgSummary, RepoSummary } from './CurrentTab';
import { WatchList } from './WatchList';
import { HostAccessNotice } from '../access/HostAccessNotice';

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}

function RateLimit({ client, host }: { client: StatboardClient; host: GitHubHost }) {
  const { snapshot } = useQuery(client, { kind: 'rate-limit', host: host.id });
  if (!snapshot.data) return null;
  const view = rateLimitView(snapshot.data, Date.now());
  return (
    <p class="sb-rate sb-small" data-rate-limit={view.low ? 'low' : 'ok'} role={view.low ? 'status' : undefined}>
      <span class="sb-muted">API on {host.id}: </span>
      {view.text}
      {view.low && <strong class="sb-rate-warn"> · Running low: panels will wait for the reset.</strong>}
    </p>
  );
}

/**
 * The same words about the budget as the panels (components/kit/BudgetNotice); its button only
 * when the "no token" notice above does not already offer one.
 */
function Budget({ client, host, token }: { client: StatboardClient; host: GitHubHost; token: TokenStatus | null }) {
  return <BudgetNotice client={client} host={host.id} tokenButton={token?.status !== 'missing'} />;
}

/** The sentence for a token problem on the current host, or null when all is well. */
function TokenNotice({ status, onOptions }: { status: TokenStatus | null; onOptions(): void }) {
  if (!status || status.status === 'valid' || status.status === 'checking') return null;
  const text =
    status.status === 'missing'
      ? `No token for ${status.host}: only public repositories show, within 60 requests an hour.`
      : status.status === 'invalid'
        ? `GitHub rejected your token for ${status.host}. Numbers that need it will not load.`
        : `Statboard could not check your token for ${status.host} (GitHub was unreachable).`;
  return (
    <div class="sb-flash" data-tone={status.status === 'invalid' ? 'danger' : 'attention'} data-token-notice={status.status}>
      <p>{text}</p>
      <button type="button" class="sb-btn sb-btn-sm" onClick={onOptions}>
        {status.status === 'missing' ? 'Add a token' : 'Check the token'}
      </button>
    </div>
  );
}

export function Popup({ client }: { client: StatboardClient }) {
  const [settings, setSettings] = useState<HostSettings | null>(null);
  const [target, setTarget] = useState<PageTarget | null>(null);
  const [token, setToken] = useState<TokenStatus | null>(null);
  const [entries, setEntries] = useState<WatchEntry[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const online = useOnline();

  useEffect(() => {
    // Recorded first: the badge counts what is new since this moment.
    void client.command({ type: 'popup.opened' }).catch(() => undefined);
    void (async () => {
      const hostSettings = await hostsItem.getValue();
      setSettings(hostSettings);
      // activeTab gives the URL of the tab the popup was opened on. Tests and the demo open
      // popup.html in a tab of its own and name the page with ?tab=URL (display only).
      const given = new URLSearchParams(location.search).get('tab');
      const [tab] = given ? [{ url: given }] : await browser.tabs.query({ active: true, currentWindow: true });
      const found = targetFromUrl(tab?.url, hostSettings);
      setTarget(found);
      const host = found.host ?? DOTCOM;
      setToken(await client.command({ type: 'token.status', host: host.id }));
    })().catch(() => setProblem('Statboard’s background is not answering; close the popup and open it again.'));
    void client.command({ type: 'watchlist.get' }).then(setEntries, () => undefined);
    // The background's alarm refresh writes new numbers; show them while the popup is open.
    return watchlistItem.watch((next) => setEntries(next ?? []));
  }, [client]);

  const hosts = useMemo(() => (settings ? configuredHosts(settings) : [DOTCOM]), [settings]);
  const host = target?.host ?? DOTCOM;
  const current = target && target.kind !== 'other' ? { host: host.id, kind: target.kind, name: target.name } : null;
  const pinned = current ? isWatched(entries, current) : false;

  const openOptions = () => void browser.runtime.openOptionsPage();
  /** Pin and unpin alike: a background that does not answer says so instead of failing silently. */
  const changeWatchlist = async (command: Extract<Command, { type: 'watchlist.add' | 'watchlist.remove' }>) => {
    try {
      setEntries(await client.command(command));
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'Statboard could not change the watch list.');
    }
  };
  const pin = async () => {
    if (!current) return;
    await changeWatchlist(pinned ? { type: 'watchlist.remove', ...current } : { type: 'watchlist.add', entry: current });
  };
  const unpin = (entry: WatchEntry) => changeWatchlist({ type: 'watchlist.remove', host: entry.host, kind: entry.kind, name: entry.name });
  const open = (url: string) => {
    void browser.tabs.create({ url });
    window.close();
  };

  const rootState = target === null ? 'loading' : 'ready';
  return (
    <main class="sb-popup" data-statboard="popup" data-state={rootState} data-target={target?.kind ?? 'loading'}>
      <header class="sb-header">
        <h1>Statboard</h1>
        <button type="button" class="sb-btn sb-btn-invisible sb-btn-sm" onClick={openOptions}>
          Options
        </button>
      </header>

      {!online && (
        <div class="sb-flash" data-tone="attention" data-offline>
          <p>You are offline. Numbers below are the last ones Statboard saved.</p>
        </div>
      )}
      {problem && (
        <div class="sb-flash" data-tone="danger" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {settings && <HostAccessNotice hosts={[host]} />}
      <TokenNotice status={token} onOptions={openOptions} />
      <Budget client={client} host={host} token={token} />

      {target && current && (
        <section class="sb-current" aria-labelledby="sb-current-title" data-current={target.kind}>
          <div class="sb-current-head">
            <h2 id="sb-current-title" class="sb-current-title">
              <span class="sb-muted">{target.kind === 'repo' ? 'Repository' : 'Organization'}</span> {current.name}
            </h2>
            <button type="button" class="sb-btn sb-btn-sm" data-pin={pinned ? 'pinned' : 'unpinned'} aria-pressed={pinned} onClick={() => void pin()}>
              {pinned ? 'Unpin' : 'Pin'}
            </button>
          </div>
          {target.kind === 'repo' && <RepoSummary client={client} target={target} />}
          {target.kind === 'org' && <OrgSummary client={client} target={target} />}
        </section>
      )}

      <section class="sb-watch-section" aria-labelledby="sb-watch-title">
        <h2 id="sb-watch-title" class="sb-section-title">
          Watch list
        </h2>
        <WatchList entries={entries} hosts={hosts} onOpen={open} onUnpin={(e) => void unpin(e)} />
      </section>

      <footer class="sb-footer">
        <RateLimit client={client} host={host} />
      </footer>
    </main>
  );
}
