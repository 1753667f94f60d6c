import { expect, type Page } from '@playwright/test';

// Statboard's content scripts run in an isolated world of the page; what that world can read is
// what a compromised content script (or a page exploit reaching it) could read.

/** Statboard's isolated world (its content scripts) in the page's main frame, found over CDP. */
export async function contentScriptWorld(page: Page, extensionId: string) {
  const cdp = await page.context().newCDPSession(page);
  const worlds: Array<{ id: number; origin: string; name: string; auxData?: { type?: string; isDefault?: boolean; frameId?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const ours = () =>
    worlds.find(
      (w) => w.auxData?.type === 'isolated' && w.auxData.frameId === frameTree.frame.id && w.origin === `chrome-extension://${extensionId}`,
    );
  await expect.poll(() => ours() !== undefined, { message: "Statboard's isolated world in the page" }).toBe(true);
  const world = ours()!;
  expect(world.name).toBe('Statboard');
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as T;
    },
    detach: () => cdp.detach(),
  };
}

/** Every storage area a content script (and the page) can reach, as one JSON text. */
export const READ_EVERYTHING = `(async () => {
  const areas = {};
  for (const name of ['local', 'sync', 'session']) {
    try { areas[name] = await chrome.storage[name].get(null); } catch (e) { areas[name] = 'refused: ' + e.message; }
  }
  const databases = (await indexedDB.databases()).map((d) => d.name);
  return JSON.stringify({ origin: location.origin, areas, databases, localStorage: { ...localStorage }, sessionStorage: { ...sessionStorage }, cookie: document.cookie });
})()`;
