import { describe, expect, it } from 'vitest';
import { targetFromUrl } from '../../utils/watchlist/target';

const settings = { gheCom: ['acme.ghe.com'], enterpriseServers: ['git.corp.example'] };

describe('targetFromUrl', () => {
  it('finds a repository from any of its pages', () => {
    expect(targetFromUrl('https://github.com/octo/widgets', settings)).toMatchObject({ kind: 'repo', name: 'octo/widgets' });
    expect(targetFromUrl('https://github.com/octo/widgets/pulls?q=1#x', settings)).toMatchObject({ kind: 'repo', owner: 'octo', repo: 'widgets' });
    expect(targetFromUrl('https://git.corp.example/infra/tool.git', settings)).toMatchObject({ kind: 'repo', name: 'infra/tool', host: { kind: 'ghes' } });
  });

  it('finds an organization, certain under /orgs/', () => {
    expect(targetFromUrl('https://github.com/orgs/acme/people', settings)).toMatchObject({ kind: 'org', org: 'acme', certain: true });
    expect(targetFromUrl('https://acme.ghe.com/acme', settings)).toMatchObject({ kind: 'org', org: 'acme', certain: false });
  });

  it('leaves GitHub pages that are not repositories or owners alone', () => {
    for (const url of ['https://github.com/', 'https://github.com/settings/tokens', 'https://github.com/notifications', 'https://github.com/search?q=x']) {
      expect(targetFromUrl(url, settings).kind).toBe('other');
    }
  });

  it('knows no host it was not given', () => {
    expect(targetFromUrl('https://gitlab.com/octo/widgets', settings)).toEqual({ kind: 'other', host: null });
    expect(targetFromUrl('https://other.ghe.com/octo/widgets', settings)).toEqual({ kind: 'other', host: null });
    expect(targetFromUrl('http://github.com/octo/widgets', settings)).toEqual({ kind: 'other', host: null });
    expect(targetFromUrl(undefined, settings)).toEqual({ kind: 'other', host: null });
    expect(targetFromUrl('chrome://newtab', settings)).toEqual({ kind: 'other', host: null });
  });

  // One list with the page detector: these were once only in one of two copies.
  it.each(['about', 'api', 'assets', 'blog', 'customer-stories', 'home', 'models', 'public', 'resources', 'solutions', 'watching', 'Sponsors'])(
    'treats /%s as a GitHub page, not an owner',
    (name) => {
      expect(targetFromUrl(`https://github.com/${name}`, settings).kind).toBe('other');
      expect(targetFromUrl(`https://github.com/${name}/anything`, settings).kind).toBe('other');
    },
  );

  it('reads names by the same rules as the background', () => {
    // Trailing or doubled hyphens are not GitHub logins: the background would refuse the query.
    expect(targetFromUrl('https://github.com/acme-', settings).kind).toBe('other');
    expect(targetFromUrl('https://github.com/ac--me/widgets', settings).kind).toBe('other');
    expect(targetFromUrl('https://github.com/a-c-m-e/.github', settings)).toMatchObject({ kind: 'repo', name: 'a-c-m-e/.github' });
  });
});

