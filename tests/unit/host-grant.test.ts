import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DOTCOM, resolveHost } from '../../utils/github/hosts';
import { missingGrants } from '../../utils/account/hostGrant';

const ghe = resolveHost('acme.ghe.com')!;

test('a host is missing when the browser no longer grants its pages or its API', async () => {
  const held = new Set(['https://github.com/*', 'https://api.github.com/*', 'https://acme.ghe.com/*']);
  const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins }) => (origins ?? []).every((o) => held.has(o)));
  expect(await missingGrants([DOTCOM, ghe])).toEqual([ghe]);
  expect(contains).toHaveBeenCalledWith({ origins: ['https://github.com/*', 'https://api.github.com/*'] });
  held.delete('https://github.com/*');
  expect((await missingGrants([DOTCOM, ghe])).map((h) => h.id)).toEqual(['github.com', 'acme.ghe.com']);
});

test('a check that fails is not reported as a withdrawn permission', async () => {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockRejectedValue(new Error('not now'));
  expect(await missingGrants([DOTCOM])).toEqual([]);
});
