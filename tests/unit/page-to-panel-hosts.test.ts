import { describe, expect, it } from 'vitest';
import { configuredHost } from '../../utils/account/hostAccess';
import { createCache } from '../../utils/engine/cache';
import { createEngine } from '../../utils/engine/engine';
import { buildRequest } from '../../utils/github/endpoints';
import { repoPageFrom, NO_PAGE_FACTS, type PageFacts } from '../../utils/page/detect';
import type { Query, RepoStat } from '../../utils/protocol';
import type { HostSettings } from '../../utils/settings';
import { MockGitHub } from '../mock-github';
import { collect, until } from './engine-fakes';

/**
 * From a page URL to a panel's data, through the real parts: the detector reads the page, the
 * background's host rule accepts its host, the endpoint builder builds the URLs, the engine
 * fetches them from the mock. Two names the detector and the builder once disagreed on:
 * a managed user (`mona_acme`) and an Enterprise Server on a port (`git.corp.example:8443`).
 */
const STATS: RepoStat[] = ['commit-activity', 'code-frequency', 'contributors', 'participation', 'punch-card'];
const SETTINGS: HostSettings = { gheCom: ['acme.ghe.com'], enterpriseServers: ['git.corp.example:8443'] };
const REPO_PAGE: PageFacts = { ...NO_PAGE_FACTS, repositoryNwo: 'mona_acme/rocket', subject: 'repository:7', routePattern: '/:user_id/:repository' };

let dbCount = 0;

/** An engine whose fetch serves any configured host's API from the mock (as api.github.com). */
function engineOn(mock: MockGitHub, apiBase: string) {
  const seen: string[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    seen.push(url);
    if (!url.startsWith(`${apiBase}/`)) return new Response('{"message":"Not Found"}', { status: 404 });
    const answer = await mock.handle({ method: 'GET', url: `https://api.github.com${url.slice(apiBase.length)}`, headers: (init?.headers ?? {}) as Record<string, string> });
    const empty = answer.status === 204 || answer.status === 304;
    return new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
  const engine = createEngine({
    cache: createCache({ capBytes: () => 50 * 1024 * 1024, dbName: `page-hosts-${++dbCount}` }),
    fetch: fetch as typeof globalThis.fetch,
    resolveHost: async (id) => configuredHost(id, SETTINGS),
    credentials: async () => ({ viewer: 'anonymous' }),
    settings: async () => ({ freshnessMinutes: 10, insightsTtlMinutes: 10 }),
    wakeUpAt: () => {},
  });
  return { engine, seen };
}

describe.each([
  { href: 'https://github.com/mona_acme/rocket', host: 'github.com', apiBase: 'https://api.github.com' },
  { href: 'https://acme.ghe.com/mona_acme/rocket', host: 'acme.ghe.com', apiBase: 'https://api.acme.ghe.com' },
  { href: 'https://git.corp.example:8443/mona_acme/rocket', host: 'git.corp.example:8443', apiBase: 'https://git.corp.example:8443/api/v3' },
])('$href', ({ href, host, apiBase }) => {
  it('is detected, accepted, built and loads every section from the mock', async () => {
    const page = repoPageFrom(href, REPO_PAGE);
    expect(page).toEqual({ kind: 'repo', host, owner: 'mona_acme', repo: 'rocket', nwo: 'mona_acme/rocket' });
    expect(configuredHost(page!.host, SETTINGS)?.apiBase).toBe(apiBase);

    const mock = new MockGitHub();
    mock.addRepo({ owner: 'mona_acme', name: 'rocket', computeAttempts: 0 });
    const { engine, seen } = engineOn(mock, apiBase);
    for (const stat of STATS) {
      const query: Query = { kind: 'repo-stats', host: page!.host, owner: page!.owner, repo: page!.repo, stat };
      expect(buildRequest(query).ok, stat).toBe(true);
      const watcher = collect(engine, query);
      await until(() => watcher.last()?.state === 'ready', 2000);
      expect(watcher.last()?.data, stat).toBeTruthy();
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((url) => url.startsWith(`${apiBase}/repos/mona_acme/rocket/`))).toBe(true);
  });
});

it('an Enterprise Server on a port is not the same host as one without it', () => {
  const page = repoPageFrom('https://git.corp.example/mona_acme/rocket', REPO_PAGE);
  expect(page?.host).toBe('git.corp.example');
  expect(configuredHost(page!.host, SETTINGS)).toBeNull();
});
