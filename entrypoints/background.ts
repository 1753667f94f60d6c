import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CommandEnvelopeSchema } from '../utils/engine/commands';
import {
  POLL_ALARM,
  cacheCommandHandlers,
  dispatchCommand,
  getEngine,
  getLiveSettings,
  registerCommandHandlers,
  tokenChanged,
} from '../utils/engine';
import { portAccess, senderKind, servePort, type SenderCheck } from '../utils/engine/portServer';
import { PORT_NAME } from '../utils/protocol';
import { accountCommandHandlers } from '../utils/account/handlers';
import {
  createPanelInjector,
  injectPanelFile,
  injectPanelPart,
  probeTab,
  removeRetiredHostScripts,
  sessionInjectedPanels,
} from '../utils/background/panelInjection';
import { createPanelPrefetch } from '../utils/background/panelPrefetch';
import { hostFor } from '../utils/engine/liveSettings';
import { tokenRequestVia } from '../utils/account/engineRequest';
import { onWatchAlarm, watchlistCommandHandlers, watchlistIdentityChanged } from '../utils/watchlist/handlers';
import * as v from 'valibot';

// Wiring only: ports and commands to the engine, alarms, and resuming 202 polls on wake-up.
export default defineBackground(() => {
  // Hosts, tokens and preferences are read once and then followed by watch() (liveSettings.ts).
  const settings = getLiveSettings();
  const engine = getEngine();
  registerCommandHandlers(cacheCommandHandlers(engine.cache));
  const watchDeps = { fetchOnce: engine.fetchOnce.bind(engine), settings, budgetLow: (apiBase: string) => engine.governor.isLow(apiBase) };
  registerCommandHandlers(
    accountCommandHandlers({
      request: tokenRequestVia(engine),
      // Cached answers and watched numbers of the old identity are not shown under the new one.
      onTokenChanged: async (host) => {
        await tokenChanged(host);
        void watchlistIdentityChanged(watchDeps, host).catch(() => undefined);
      },
    }),
  );
  registerCommandHandlers(watchlistCommandHandlers(watchDeps));
  registerCommandHandlers({
    // The org panel shows API Insights for the first time: that part goes into its frame.
    'panels.load': (command, { sender }) => injectPanelPart(command.panel, sender ?? {}),
    // Content scripts cannot open the options page themselves.
    // `section: 'token'` opens the page at the token field (openOptionsPage takes no anchor).
    'options.open': async (command) => {
      if (command.section === 'token') await browser.tabs.create({ url: browser.runtime.getURL('/options.html#token') });
      else await browser.runtime.openOptionsPage();
      return { ok: true };
    },
  });
  // Listeners must be added synchronously so a wake-up by the alarm is not missed.
  onWatchAlarm(watchDeps);

  // Panels: the background decides from each GitHub tab's URL (no script on pages without a
  // panel) and injects the one a page needs (utils/background/panelInjection.ts). Added
  // synchronously: a stopped worker is woken by the tab event and must find its listener.
  const panels = createPanelInjector({
    servesHost: async (host) => (await hostFor(settings, host)) !== null,
    probe: probeTab,
    inject: injectPanelFile,
    prefetch: createPanelPrefetch(engine, async () => (await settings.preferences.get()).repoSections),
    injected: sessionInjectedPanels(),
  });
  const onTabUpdated = (tabId: number, change: { url?: string; status?: string }, tab: { url?: string }) => void panels.tabUpdated(tabId, change, tab);
  // Firefox filters the events in the browser (no wake-up for title or favicon changes); Chrome's
  // tabs.onUpdated takes no filter.
  if (import.meta.env.FIREFOX) (browser.tabs.onUpdated.addListener as (cb: typeof onTabUpdated, filter: object) => void)(onTabUpdated, { properties: ['url', 'status'] });
  else browser.tabs.onUpdated.addListener(onTabUpdated);
  browser.tabs.onRemoved.addListener((tabId) => panels.tabRemoved(tabId));
  // Earlier versions registered the page detector for added hosts; that script is gone. Tabs
  // already open when Statboard is installed or updated get their panels now, not at their next
  // navigation (a tab's events before the new worker listened are lost).
  browser.runtime.onInstalled.addListener(() => {
    void removeRetiredHostScripts();
    void browser.tabs.query({}).then((tabs) => {
      for (const tab of tabs) if (tab.id !== undefined && tab.url) void panels.tabUpdated(tab.id, { status: 'complete' }, tab);
    });
  });

  const senderCheck = async (): Promise<SenderCheck> => {
    const { gheCom, enterpriseServers } = await settings.hosts.get();
    return { runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/'), gheCom, enterpriseServers };
  };

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PORT_NAME) return;
    servePort(port, engine, senderCheck().then((check) => portAccess(port.sender, check)));
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const envelope = v.safeParse(CommandEnvelopeSchema, message);
    if (!envelope.success) return undefined; // not ours: let other listeners answer
    return senderCheck().then((check) => {
      const from = senderKind(sender, check);
      if (!from) throw new Error('Statboard only answers its own pages.');
      return dispatchCommand(envelope.output.command, { sender, from });
    });
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void engine.resumePolls();
  });

  void engine.resumePolls();
});
