import { browser } from 'wxt/browser';
import { CommandEnvelopeSchema } from '../utils/engine/commands';
import { POLL_ALARM, cacheCommandHandlers, dispatchCommand, getEngine, registerCommandHandlers } from '../utils/engine';
import { isTrustedSender, servePort, type SenderCheck } from '../utils/engine/portServer';
import { PORT_NAME } from '../utils/protocol';
import { hostsItem } from '../utils/settings';
import * as v from 'valibot';

// Wiring only: ports and commands to the engine, alarms, and resuming 202 polls on wake-up.
export default defineBackground(() => {
  const engine = getEngine();
  registerCommandHandlers(cacheCommandHandlers(engine.cache));

  const senderCheck = async (): Promise<SenderCheck> => ({
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    enterpriseServers: (await hostsItem.getValue())?.enterpriseServers ?? [],
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PORT_NAME) return;
    servePort(port, engine, senderCheck().then((check) => isTrustedSender(port.sender, check)));
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const envelope = v.safeParse(CommandEnvelopeSchema, message);
    if (!envelope.success) return undefined; // not ours: let other listeners answer
    return senderCheck().then((check) => {
      if (!isTrustedSender(sender, check)) throw new Error('Statboard only answers its own pages.');
      return dispatchCommand(envelope.output.command);
    });
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void engine.resumePolls();
  });

  void engine.resumePolls();
});
