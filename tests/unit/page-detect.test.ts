import { describe, expect, it } from 'vitest';
import { detectOrgPage, detectRepoPage, isReservedPath, panelKindFor, parseOrgUrl, parseRepoUrl } from '../../utils/page/detect';

/**
 * The unit environment is Node without a DOM (vitest.config.ts sets no environment), so pages
 * are a minimal fake Document: `readPageFacts()` in detect.ts only calls
 * `doc.querySelector('meta[name="<name>"]')` (reading `.content`) and `querySelector('#id')`.
 */
function page(metas: Record<string, string> = {}, elements: string[] = []): Document {
  const doc = {
    querySelector(selector: string): { content: string } | null {
      if (selector.startsWith('#')) return elements.includes(selector) ? { content: '' } : null;
      const match = /^meta\[name="([^"]+)"\]$/.exec(selector);
      if (!match) throw new Error(`fake document: unexpected selector ${selector}`);
      const content = metas[match[1] as string];
      return content === undefined ? null : { content };
    },
  };
  return doc as unknown as Document;
}

const NWO = 'octolytics-dimension-repository_nwo';
const SUBJECT = 'hovercard-subject-tag';

describe('parseRepoUrl', () => {
  it('reads a repository root', () => {
    expect(parseRepoUrl('https://github.com/octo-org/hello-world')).toEqual({
      kind: 'repo',
      host: 'github.com',
      owner: 'octo-org',
      repo: 'hello-world',
      nwo: 'octo-org/hello-world',
    });
  });

  it('accepts a trailing slash, a query string and a hash', () => {
    const expected = { kind: 'repo', host: 'github.com', owner: 'o', repo: 'r', nwo: 'o/r' };
    expect(parseRepoUrl('https://github.com/o/r/')).toEqual(expected);
    expect(parseRepoUrl('https://github.com/o/r?tab=readme-ov-file')).toEqual(expected);
    expect(parseRepoUrl('https://github.com/o/r#readme')).toEqual(expected);
    expect(parseRepoUrl('https://github.com/o/r/?tab=readme-ov-file#readme')).toEqual(expected);
  });

  it('accepts code views under /tree/ with a ref (and a path)', () => {
    expect(parseRepoUrl('https://github.com/o/r/tree/main')?.nwo).toBe('o/r');
    expect(parseRepoUrl('https://github.com/o/r/tree/feature/x/src/utils')?.nwo).toBe('o/r');
    expect(parseRepoUrl('https://github.com/o/r/tree/main?x=1#L2')?.nwo).toBe('o/r');
  });

  it('refuses /tree without a ref', () => {
    expect(parseRepoUrl('https://github.com/o/r/tree')).toBeNull();
    expect(parseRepoUrl('https://github.com/o/r/tree/')).toBeNull();
  });

  it.each([
    'issues',
    'issues/12',
    'pulls',
    'pull/7',
    'settings',
    'blob/main/README.md',
    'commits',
    'actions',
    'wiki',
    'graphs/contributors',
  ])('refuses other repository views: /o/r/%s', (view) => {
    expect(parseRepoUrl(`https://github.com/o/r/${view}`)).toBeNull();
  });

  it('needs both an owner and a repository', () => {
    expect(parseRepoUrl('https://github.com/')).toBeNull();
    expect(parseRepoUrl('https://github.com/octo-org')).toBeNull();
  });

  it.each([
    'settings/profile',
    'orgs/octo-org',
    'orgs/octo-org/people',
    'marketplace/actions',
    'sponsors/someone',
    'users/someone',
    'topics/rust',
    'notifications/beta',
    'new/import',
  ])('refuses reserved first segments: /%s', (path) => {
    expect(parseRepoUrl(`https://github.com/${path}`)).toBeNull();
  });

  // One list with the popup's reading of a tab's URL: these were once only in the popup's copy.
  it.each(['api', 'assets', 'blog', 'customer-stories', 'home', 'models', 'public', 'resources', 'solutions', 'watching'])(
    'refuses /%s, also reserved for the popup',
    (name) => {
      expect(isReservedPath(name)).toBe(true);
      expect(parseRepoUrl(`https://github.com/${name}/anything`)).toBeNull();
      expect(parseOrgUrl(`https://github.com/${name}`)).toBeNull();
    },
  );

  it('recognizes reserved first segments in any case', () => {
    expect(parseRepoUrl('https://github.com/Settings/profile')).toBeNull();
    expect(parseRepoUrl('https://github.com/ORGS/octo-org')).toBeNull();
  });

  it('does not reserve names in the repository position', () => {
    expect(parseRepoUrl('https://github.com/o/settings')?.nwo).toBe('o/settings');
    expect(parseRepoUrl('https://github.com/o/issues')?.nwo).toBe('o/issues');
  });

  it('accepts dots, hyphens and underscores inside names', () => {
    expect(parseRepoUrl('https://github.com/vercel/next.js')).toMatchObject({ owner: 'vercel', repo: 'next.js' });
    expect(parseRepoUrl('https://github.com/my-org/my_repo-2.0')).toMatchObject({ owner: 'my-org', repo: 'my_repo-2.0' });
  });

  it('accepts a name of 100 characters, not 101', () => {
    expect(parseRepoUrl(`https://github.com/o/${'a'.repeat(100)}`)?.repo).toHaveLength(100);
    expect(parseRepoUrl(`https://github.com/o/${'a'.repeat(101)}`)).toBeNull();
  });

  it('refuses a `.git` suffix (a clone URL, not a page)', () => {
    expect(parseRepoUrl('https://github.com/o/r.git')).toBeNull();
  });

  it('decodes URL-encoded parts before checking them', () => {
    expect(parseRepoUrl('https://github.com/%6Fcto/hello%2Dworld')).toMatchObject({
      owner: 'octo',
      repo: 'hello-world',
      nwo: 'octo/hello-world',
    });
    // an encoded slash is not a path separator, and not a name character either
    expect(parseRepoUrl('https://github.com/o/a%2Fb')).toBeNull();
    // non-ASCII names do not exist on GitHub
    expect(parseRepoUrl('https://github.com/o/caf%C3%A9')).toBeNull();
    // an encoded reserved word is still reserved
    expect(parseRepoUrl('https://github.com/%73ettings/profile')).toBeNull();
  });

  it('refuses names with characters GitHub does not allow', () => {
    expect(parseRepoUrl('https://github.com/o/r%20x')).toBeNull();
    expect(parseRepoUrl('https://github.com/o~x/r')).toBeNull();
  });

  it('accepts repositories whose name starts with a dot (an org\'s .github)', () => {
    expect(parseRepoUrl('https://github.com/microsoft/.github')).toMatchObject({ owner: 'microsoft', repo: '.github' });
  });

  it('a malformed escape anywhere in the path is "no panel", never an exception', () => {
    expect(parseRepoUrl('https://github.com/owner/repo/blob/main/a%ZZ')).toBeNull();
    expect(parseOrgUrl('https://github.com/%E0%A4%A')).toBeNull();
  });

  it('keeps the page host (GHE.com and Enterprise Server)', () => {
    expect(parseRepoUrl('https://acme.ghe.com/o/r')?.host).toBe('acme.ghe.com');
    // The port is part of the host: the options store `git.example.com:8443` and must match it.
    expect(parseRepoUrl('https://git.example.com:8443/o/r')?.host).toBe('git.example.com:8443');
  });
});

describe('detectRepoPage', () => {
  const href = 'https://github.com/octo-org/hello-world';

  it('confirms the URL when the meta tag names the same repository', () => {
    expect(detectRepoPage(href, page({ [NWO]: 'octo-org/hello-world' }))).toEqual(parseRepoUrl(href));
  });

  it('is null while the meta tag still names the previous page (soft navigation)', () => {
    expect(detectRepoPage(href, page({ [NWO]: 'octo-org/previous-repo' }))).toBeNull();
    expect(detectRepoPage(href, page({ [NWO]: 'other-org/hello-world' }))).toBeNull();
  });

  it('without the meta tag, a two-segment URL needs another repository landmark', () => {
    expect(detectRepoPage(href, page())).toBeNull();
    expect(detectRepoPage(href, page({ [NWO]: '   ' }))).toBeNull();
    expect(detectRepoPage(href, page({ [SUBJECT]: 'repository:1296269' }))).toEqual(parseRepoUrl(href));
    expect(detectRepoPage(href, page({ 'route-pattern': '/:user_id/:repository' }))).toEqual(parseRepoUrl(href));
    expect(detectRepoPage(href, page({}, ['#repository-container-header']))).toEqual(parseRepoUrl(href));
    // Another page's subject, or a route that is not a repository's, is no landmark.
    expect(detectRepoPage(href, page({ [SUBJECT]: 'organization:9919' }, ['#repository-container-header']))).toBeNull();
    expect(detectRepoPage(href, page({ 'route-pattern': '/features/:feature' }))).toBeNull();
  });

  it('a code view (`/o/r/tree/...`) is a repository by its shape, without the meta tag', () => {
    expect(detectRepoPage(`${href}/tree/main/src`, page())?.nwo).toBe('octo-org/hello-world');
  });

  it("GitHub's own two-segment pages are no repository", () => {
    for (const path of ['features/copilot', 'git-guides/install-git', 'education/students', 'solutions/devops']) {
      expect(detectRepoPage(`https://github.com/${path}`, page({ description: 'GitHub' })), path).toBeNull();
    }
  });

  it('matches case-insensitively and takes the spelling from the page', () => {
    const result = detectRepoPage('https://github.com/OCTO-ORG/Hello-World/tree/main', page({ [NWO]: 'octo-org/hello-world' }));
    expect(result).toEqual({ kind: 'repo', host: 'github.com', owner: 'octo-org', repo: 'hello-world', nwo: 'octo-org/hello-world' });
  });

  it('trims the meta content', () => {
    expect(detectRepoPage(href, page({ [NWO]: '  octo-org/hello-world\n' }))?.nwo).toBe('octo-org/hello-world');
  });

  it('is null for pages that are not repository roots or code views, whatever the meta says', () => {
    const doc = page({ [NWO]: 'octo-org/hello-world' });
    expect(detectRepoPage(`${href}/issues`, doc)).toBeNull();
    expect(detectRepoPage(`${href}/pulls`, doc)).toBeNull();
    expect(detectRepoPage('https://github.com/octo-org', doc)).toBeNull();
  });
});

describe('parseOrgUrl', () => {
  it('reads a one-segment profile URL', () => {
    expect(parseOrgUrl('https://github.com/octo-org')).toEqual({ kind: 'org', host: 'github.com', org: 'octo-org' });
    expect(parseOrgUrl('https://github.com/octo-org/')).toEqual({ kind: 'org', host: 'github.com', org: 'octo-org' });
    expect(parseOrgUrl('https://github.com/octo-org?tab=repositories#x')?.org).toBe('octo-org');
    expect(parseOrgUrl('https://acme.ghe.com/octo-org')?.host).toBe('acme.ghe.com');
  });

  it('refuses more or fewer segments', () => {
    expect(parseOrgUrl('https://github.com/')).toBeNull();
    expect(parseOrgUrl('https://github.com/octo-org/hello-world')).toBeNull();
    expect(parseOrgUrl('https://github.com/orgs/octo-org/people')).toBeNull();
  });

  it('refuses reserved names in any case, and invalid names', () => {
    for (const name of ['settings', 'orgs', 'marketplace', 'explore', 'Notifications', 'TRENDING']) {
      expect(parseOrgUrl(`https://github.com/${name}`)).toBeNull();
    }
    expect(parseOrgUrl('https://github.com/-octo')).toBeNull();
    expect(parseOrgUrl('https://github.com/octo%20org')).toBeNull();
  });
});

describe('detectOrgPage', () => {
  const href = 'https://github.com/octo-org';

  it('confirms an organization profile by its hovercard subject', () => {
    expect(detectOrgPage(href, page({ [SUBJECT]: 'organization:9919' }))).toEqual({ kind: 'org', host: 'github.com', org: 'octo-org' });
  });

  it('is null for a user profile, which shares the URL shape', () => {
    expect(detectOrgPage(href, page({ [SUBJECT]: 'user:583231' }))).toBeNull();
  });

  it('is null when the page does not say (no confirmation, no panel)', () => {
    expect(detectOrgPage(href, page())).toBeNull();
    expect(detectOrgPage(href, page({ [SUBJECT]: '' }))).toBeNull();
  });

  it('is null when the URL is not a profile, even with an organization subject', () => {
    const doc = page({ [SUBJECT]: 'organization:9919' });
    expect(detectOrgPage('https://github.com/octo-org/hello-world/issues', doc)).toBeNull();
    expect(detectOrgPage('https://github.com/orgs/octo-org/people', doc)).toBeNull();
  });
});

describe('panelKindFor', () => {
  it('is repo for repository pages the DOM confirms', () => {
    expect(panelKindFor('https://github.com/o/r', page({ [NWO]: 'o/r' }))).toBe('repo');
    expect(panelKindFor('https://github.com/o/r', page({ [SUBJECT]: 'repository:1' }))).toBe('repo');
    expect(panelKindFor('https://github.com/o/r/tree/main/src', page({ [SUBJECT]: 'repository:1' }))).toBe('repo');
  });

  it('is null for a two-segment URL whose page has no repository landmark (nothing injected)', () => {
    expect(panelKindFor('https://github.com/o/r', page())).toBeNull();
    expect(panelKindFor('https://github.com/solutions/devops', page({ description: 'DevOps' }))).toBeNull();
  });

  it("is null for GitHub's own pages", () => {
    for (const path of ['feed', 'discussions', 'mcp', 'features/copilot', 'git-guides/install-git', 'education/students']) {
      expect(panelKindFor(`https://github.com/${path}`, page()), path).toBeNull();
    }
  });

  it('is org for a profile URL that says organization', () => {
    expect(panelKindFor('https://github.com/octo-org', page({ [SUBJECT]: 'organization:9919' }))).toBe('org');
  });

  it('is org for a profile URL without the meta tag (the panel confirms later)', () => {
    expect(panelKindFor('https://github.com/octo-org', page())).toBe('org');
  });

  it('is null for a user profile', () => {
    expect(panelKindFor('https://github.com/octocat', page({ [SUBJECT]: 'user:583231' }))).toBeNull();
  });

  it('is null for other pages', () => {
    const doc = page();
    for (const href of [
      'https://github.com/',
      'https://github.com/o/r/issues',
      'https://github.com/o/r/pull/1',
      'https://github.com/o/r/blob/main/README.md',
      'https://github.com/settings/profile',
      'https://github.com/settings',
      'https://github.com/orgs/octo-org/people',
      'https://github.com/marketplace',
    ]) {
      expect(panelKindFor(href, doc), href).toBeNull();
    }
  });
});
