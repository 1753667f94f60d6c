import { describe, expect, it } from 'vitest';
import { configuredHost } from '../../utils/account/hostAccess';
import { normalizeHostId, resolveHost } from '../../utils/github/hosts';
import { queryKey } from '../../utils/protocol';

describe('resolveHost', () => {
  it('maps github.com to api.github.com', () => {
    expect(resolveHost('github.com')?.apiBase).toBe('https://api.github.com');
  });
  it('maps a GHE.com subdomain to api.SUBDOMAIN.ghe.com, not /api/v3', () => {
    const host = resolveHost('Acme.GHE.com');
    expect(host).toMatchObject({ id: 'acme.ghe.com', kind: 'ghe-com', apiBase: 'https://api.acme.ghe.com', hasApiInsights: true });
  });
  it('maps an added Enterprise Server host to HOST/api/v3 without API Insights', () => {
    expect(resolveHost('git.corp.example', ['git.corp.example'])).toMatchObject({
      kind: 'ghes',
      pagesOrigin: 'https://git.corp.example',
      apiBase: 'https://git.corp.example/api/v3',
      hasApiInsights: false,
    });
  });
  it('serves no host the user did not add', () => {
    expect(resolveHost('git.corp.example')).toBeNull();
    expect(resolveHost('evil.com')).toBeNull();
  });
  it('refuses malformed host names', () => {
    expect(normalizeHostId('exa mple.com')).toBeNull();
    expect(normalizeHostId('-bad.com')).toBeNull();
    expect(normalizeHostId('localhost')).toBeNull();
    expect(normalizeHostId('https://Git.Corp.Example/some/path')).toBe('git.corp.example');
  });
});

describe('configuredHost (what the background serves)', () => {
  const added = { gheCom: ['acme.ghe.com'], enterpriseServers: ['git.corp.example'] };
  it('serves github.com and the hosts the user added', () => {
    expect(configuredHost('github.com', { gheCom: [], enterpriseServers: [] })?.apiBase).toBe('https://api.github.com');
    expect(configuredHost('ACME.ghe.com', added)?.apiBase).toBe('https://api.acme.ghe.com');
    expect(configuredHost('git.corp.example', added)?.apiBase).toBe('https://git.corp.example/api/v3');
  });
  it('refuses a GHE.com host the user did not add, like any other unlisted host', () => {
    expect(configuredHost('evil.ghe.com', added)).toBeNull();
    expect(configuredHost('acme.ghe.com', { gheCom: [], enterpriseServers: [] })).toBeNull();
    // An Enterprise Server list entry does not make a *.ghe.com name served.
    expect(configuredHost('evil.ghe.com', { gheCom: [], enterpriseServers: ['evil.ghe.com'] })).toBeNull();
    expect(configuredHost('evil.com', added)).toBeNull();
  });
});

describe('queryKey', () => {
  it('is the same whatever the key order and ignores undefined fields', () => {
    const a = queryKey({ kind: 'repo-stats', host: 'github.com', owner: 'a', repo: 'b', stat: 'contributors' });
    const b = queryKey({ stat: 'contributors', repo: 'b', owner: 'a', host: 'github.com', kind: 'repo-stats' });
    expect(a).toBe(b);
  });
});
