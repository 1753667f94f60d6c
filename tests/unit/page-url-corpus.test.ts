import { afterEach, describe, expect, it, vi } from 'vitest';
import { isOrganizationProfile, isProfile, isRepoRoot, isRepoTree } from 'github-url-detection';
import { orgPageFrom, panelKindFrom, parseRepoUrl, repoPageFrom, NO_PAGE_FACTS, type PageFacts } from '../../utils/page/detect';

/**
 * Our page detection against github-url-detection (the library GitHub's most used extension
 * relies on), URL by URL. Where we differ on purpose, the row says why; such a row fails once
 * the two agree, so the list stays true.
 *
 * What is compared: a repository panel goes on a repository root or code view, which is
 * `isRepoTree` (root, `tree/BRANCH`, `tree/BRANCH/path`); `isRepoRoot` is checked to be a subset
 * of ours. An organization panel goes on `isProfile(url) && isOrganizationProfile()` (the
 * library reads the hovercard meta tag from `document`: a stub here says `organization:`).
 */
interface Row {
  url: string;
  /** why our answer is not the library's; absent when they must agree */
  differs?: string;
}

const REPO_ROWS: Row[] = [
  { url: 'https://github.com/octo-org/hello-world' },
  { url: 'https://github.com/octo-org/hello-world/' },
  { url: 'https://github.com/octo-org/hello-world?tab=readme-ov-file#readme' },
  { url: 'https://github.com/octo-org/hello-world?search=1' },
  { url: 'https://github.com//octo-org//hello-world' },
  { url: 'https://github.com/octo-org/hello-world/tree/main' },
  { url: 'https://github.com/octo-org/hello-world/tree/main/src/utils' },
  { url: 'https://github.com/octo-org/hello-world/tree' },
  { url: 'https://github.com/octo-org/hello-world/blob/main/README.md' },
  { url: 'https://github.com/octo-org/hello-world/issues' },
  { url: 'https://github.com/octo-org/hello-world/pull/1' },
  { url: 'https://github.com/octo-org/hello-world/commits/main' },
  { url: 'https://github.com/octo-org/hello-world/settings' },
  { url: 'https://github.com/octo-org/hello-world/generate' },
  { url: 'https://github.com/vercel/next.js' },
  { url: 'https://github.com/microsoft/.github' },
  { url: 'https://github.com/mona_acme/rocket' },
  { url: 'https://github.com/octo-org/settings' },
  { url: 'https://github.com/octo-org' },
  { url: 'https://github.com/' },
  { url: 'https://github.com/orgs/octo-org/people' },
  { url: 'https://github.com/settings/profile' },
  { url: 'https://github.com/features/copilot' },
  { url: 'https://github.com/git-guides/install-git' },
  { url: 'https://github.com/education/students' },
  { url: 'https://github.com/marketplace/actions' },
  { url: 'https://github.com/topics/rust' },
  { url: 'https://github.com/sponsors/someone' },
  { url: 'https://github.com/mcp/servers' },
  { url: 'https://github.com/discussions/categories' },
  { url: 'https://github.com/ghost/anything' },
  { url: 'https://gist.github.com/octocat/0123456789abcdef0123' },
  { url: 'https://github.com/solutions/devops', differs: 'GitHub Solutions: a GitHub page github-reserved-names lacks (our short extra list)' },
  // A URL of repository shape that is not one (a 404 page, an unknown GitHub page) agrees here;
  // the page step (repoPageFrom, below) refuses it for want of repository landmarks.
  { url: 'https://github.com/acme/no-such-repo' },
  {
    url: 'https://github.com/Settings/profile',
    differs: "GitHub's paths are case-insensitive (`/Settings` is the settings page); the library compares the list case-sensitively",
  },
  { url: 'https://github.com/FEATURES/copilot', differs: 'case-insensitive reserved names, as above' },
  { url: 'https://github.com/models/openai', differs: 'GitHub Models: a GitHub page github-reserved-names lacks (our short extra list)' },
  { url: 'https://github.com/octo-org/hello-world.git', differs: 'a name ending in .git is no repository name (GitHub redirects to the name without it)' },
  { url: 'https://github.com/-octo/hello-world', differs: 'not a valid GitHub login (leading hyphen): nothing to ask the API for' },
  { url: 'https://github.com/oc--to/hello-world', differs: 'not a valid GitHub login (double hyphen)' },
  { url: 'https://github.com/octo~x/hello-world', differs: 'not a valid GitHub login (`~`)' },
  { url: 'https://github.com/octo-org/hello%20world', differs: 'not a valid repository name (space)' },
];

const ORG_ROWS: Row[] = [
  { url: 'https://github.com/octo-org' },
  { url: 'https://github.com/octo-org/' },
  { url: 'https://github.com/octo-org?tab=repositories' },
  { url: 'https://github.com/octo-org/hello-world' },
  { url: 'https://github.com/orgs/octo-org/people' },
  { url: 'https://github.com/' },
  { url: 'https://github.com/feed' },
  { url: 'https://github.com/discussions' },
  { url: 'https://github.com/mcp' },
  { url: 'https://github.com/marketplace' },
  { url: 'https://github.com/octo.org' },
  { url: 'https://github.com/Settings', differs: 'case-insensitive reserved names' },
  { url: 'https://github.com/solutions', differs: 'GitHub page github-reserved-names lacks (our short extra list)' },
  { url: 'https://github.com/-octo', differs: 'not a valid GitHub login (leading hyphen)' },
  { url: 'https://github.com/octo_', differs: 'not a valid GitHub login (`_` only joins a managed user’s two parts)' },
];

const REPO_FACTS: PageFacts = { ...NO_PAGE_FACTS, subject: 'repository:1', routePattern: '/:user_id/:repository', repositoryHeader: true };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('URL corpus against github-url-detection', () => {
  it.each(REPO_ROWS)('repository: $url', ({ url, differs }) => {
    const ours = parseRepoUrl(url) !== null;
    const theirs = isRepoTree(new URL(url));
    if (differs) expect(ours, differs).not.toBe(theirs);
    else expect(ours).toBe(theirs);
    // Every repository root the library sees is ours too (unless we refuse the URL on purpose).
    if (!differs && isRepoRoot(new URL(url))) expect(ours).toBe(true);
  });

  it.each(ORG_ROWS)('organization profile: $url', ({ url, differs }) => {
    vi.stubGlobal('document', {
      querySelector: (selector: string) => (selector.includes('hovercard-subject-tag') ? { content: 'organization:1' } : null),
    });
    // What decides an org panel: the page detector (GitHub's own pages out), then the panel's confirmation.
    const facts = { ...NO_PAGE_FACTS, subject: 'organization:1' };
    const ours = panelKindFrom(url, facts) === 'org' && orgPageFrom(url, facts) !== null;
    const theirs = isProfile(new URL(url)) && isOrganizationProfile();
    if (differs) expect(ours, differs).not.toBe(theirs);
    else expect(ours).toBe(theirs);
  });

  it('a two-segment URL is a repository only when its page has a repository landmark', () => {
    expect(repoPageFrom('https://github.com/acme/no-such-repo', NO_PAGE_FACTS)).toBeNull();
    expect(repoPageFrom('https://github.com/octo-org/hello-world', NO_PAGE_FACTS)).toBeNull();
    expect(repoPageFrom('https://github.com/octo-org/hello-world', REPO_FACTS)?.nwo).toBe('octo-org/hello-world');
  });
});
