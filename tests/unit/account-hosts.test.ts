import { describe, expect, it } from 'vitest';
import {
  configuredHost,
  configuredHosts,
  hostOrigins,
  parseNewHost,
  withHost,
  withoutHost,
} from '../../utils/account/hostAccess';
import type { HostSettings } from '../../utils/settings';

const none: HostSettings = { gheCom: [], enterpriseServers: [] };
const some: HostSettings = { gheCom: ['acme.ghe.com'], enterpriseServers: ['git.corp.example'] };

function added(input: string, kind: 'ghe-com' | 'ghes', settings = none) {
  const result = parseNewHost(input, kind, settings);
  if (!result.ok) throw new Error(result.error);
  return result.host;
}

describe('permission patterns', () => {
  it('asks for a GHE.com host its pages and its api. subdomain', () => {
    expect(hostOrigins(added('acme', 'ghe-com'))).toEqual(['https://acme.ghe.com/*', 'https://api.acme.ghe.com/*']);
  });

  it('asks for an Enterprise Server host one origin (the API is under /api/v3)', () => {
    expect(hostOrigins(added('https://Git.Corp.Example/some/page', 'ghes'))).toEqual(['https://git.corp.example/*']);
  });

  it('leaves the port out of the pattern for a host:port server (Firefox refuses a port; Chrome reads none as any)', () => {
    const host = added('git.corp.example:8443', 'ghes');
    expect(host.pagesOrigin).toBe('https://git.corp.example:8443');
    expect(hostOrigins(host)).toEqual(['https://git.corp.example/*']);
  });
});

describe('parseNewHost', () => {
  it('accepts a GHE.com subdomain typed alone or in full', () => {
    expect(added('acme', 'ghe-com').id).toBe('acme.ghe.com');
    expect(added('ACME.ghe.com', 'ghe-com')).toMatchObject({ id: 'acme.ghe.com', kind: 'ghe-com', apiBase: 'https://api.acme.ghe.com' });
  });

  it('gives an Enterprise Server host no API Insights', () => {
    expect(added('git.corp.example', 'ghes')).toMatchObject({ kind: 'ghes', apiBase: 'https://git.corp.example/api/v3', hasApiInsights: false });
  });

  it('refuses github.com, a mixed-up kind, a duplicate and nonsense', () => {
    expect(parseNewHost('github.com', 'ghes', none).ok).toBe(false);
    expect(parseNewHost('api.github.com', 'ghes', none).ok).toBe(false);
    expect(parseNewHost('acme.ghe.com', 'ghes', none).ok).toBe(false);
    expect(parseNewHost('git.corp.example', 'ghe-com', none).ok).toBe(false);
    expect(parseNewHost('acme', 'ghe-com', some)).toEqual({ ok: false, error: 'acme.ghe.com is already added.' });
    expect(parseNewHost('not a host', 'ghes', none).ok).toBe(false);
    expect(parseNewHost('', 'ghes', none).ok).toBe(false);
  });
});

describe('configured hosts', () => {
  it('always has github.com first, then the added hosts', () => {
    expect(configuredHosts(none).map((h) => h.id)).toEqual(['github.com']);
    expect(configuredHosts(some).map((h) => h.id)).toEqual(['github.com', 'acme.ghe.com', 'git.corp.example']);
  });

  it('knows only added hosts', () => {
    expect(configuredHost('acme.ghe.com', none)).toBeNull();
    expect(configuredHost('ACME.ghe.com', some)?.apiBase).toBe('https://api.acme.ghe.com');
    expect(configuredHost('evil.example', some)).toBeNull();
  });

  it('adds and removes a host from the settings', () => {
    const ghes = added('git.other.example', 'ghes');
    const next = withHost(some, ghes);
    expect(next.enterpriseServers).toEqual(['git.corp.example', 'git.other.example']);
    expect(withHost(next, ghes)).toEqual(next);
    expect(withoutHost(next, 'acme.ghe.com')).toEqual({ gheCom: [], enterpriseServers: ['git.corp.example', 'git.other.example'] });
  });
});
