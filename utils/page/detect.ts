/**
 * Which GitHub page is shown: a pure function of the URL and a few facts read from the page
 * (`readPageFacts`), so it can run in the page, the background or a test. The URL says what the
 * page should be; the facts say what the DOM currently is. During a soft navigation the URL
 * changes first, so a mismatch means "not yet", and callers wait for the DOM to catch up.
 */
import reservedNames from 'github-reserved-names/reserved-names.json';
import { isValidOrg, isValidOwner, isValidRepo } from '../github/names';

export interface RepoPage {
  kind: 'repo';
  /** the page host with its port, e.g. `github.com`, `git.corp.example:8443` */
  host: string;
  owner: string;
  repo: string;
  /** `owner/repo`, as the page spells it */
  nwo: string;
}

export interface OrgPage {
  kind: 'org';
  host: string;
  org: string;
}

/** What the page itself says it is; every field is null/false when the page does not say. */
export interface PageFacts {
  /** `meta[name="octolytics-dimension-repository_nwo"]`: `owner/repo` on repository pages */
  repositoryNwo: string | null;
  /** `meta[name="hovercard-subject-tag"]`: `repository:<id>`, `organization:<id>`, `user:<id>` */
  subject: string | null;
  /** `meta[name="route-pattern"]`: `/:user_id/:repository` on a repository's code view */
  routePattern: string | null;
  /** `#repository-container-header` (the repository name and tab bar) is in the page */
  repositoryHeader: boolean;
}

export const NO_PAGE_FACTS: Readonly<PageFacts> = Object.freeze({ repositoryNwo: null, subject: null, routePattern: null, repositoryHeader: false });

function meta(doc: Document, name: string): string | null {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() || null;
}

/** The facts detection needs, read from a document (four cheap lookups). */
export function readPageFacts(doc: Document): PageFacts {
  return {
    repositoryNwo: meta(doc, 'octolytics-dimension-repository_nwo'),
    subject: meta(doc, 'hovercard-subject-tag'),
    routePattern: meta(doc, 'route-pattern'),
    repositoryHeader: doc.querySelector('#repository-container-header') !== null,
  };
}

// GitHub's own first path segments: the `github-reserved-names` list (about 300, the one
// github-url-detection uses), plus a few that list lacks and that are GitHub's pages too.
const OWN_PAGES = ['assets', 'avatars', 'models', 'public', 'solutions'];

let reserved: ReadonlySet<string> | undefined;

/**
 * Whether a first path segment (decoded, any case) is one of GitHub's own pages, never an owner:
 * the one list for the page detector and the popup's reading of the active tab's URL. Built on
 * first use, so a bundle that never asks (the injected panels, which confirm a page by its own
 * meta tags) does not carry the list (1.3 KB gzip).
 */
export function isReservedPath(segment: string): boolean {
  reserved ??= new Set([...(reservedNames as string[]), ...OWN_PAGES]);
  return reserved.has(segment.toLowerCase());
}

/** The path's parts, decoded; null for a malformed escape (this runs on every GitHub page). */
function segments(url: URL): string[] | null {
  try {
    return url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

function toUrl(href: string | URL): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/**
 * The shape of a repository root or code view (`/owner/repo`, `/owner/repo/tree/...`) with
 * valid names; issues, pull requests, settings and the rest are not. The host keeps its port: an
 * Enterprise Server at `git.corp.example:8443` is a different host from one at `git.corp.example`.
 * GitHub's own first segments are not checked here (see parseRepoUrl): the injected panel matches
 * URLs by shape and mounts only once the page's own tags confirm it (repoPageFrom).
 */
export function repoUrlShape(href: string | URL): RepoPage | null {
  const url = toUrl(href);
  // Gists live on gist.HOST and have `/user/id` paths: never a repository.
  if (!url || url.hostname.startsWith('gist.')) return null;
  const [owner, repo, view, ...rest] = segments(url) ?? [];
  if (!isValidOwner(owner) || !isValidRepo(repo)) return null;
  if (view !== undefined && !(view === 'tree' && rest.length > 0)) return null;
  return { kind: 'repo', host: url.host, owner, repo, nwo: `${owner}/${repo}` };
}

/** A repository URL: the shape, and a first segment that is not one of GitHub's own pages. */
export function parseRepoUrl(href: string | URL): RepoPage | null {
  const page = repoUrlShape(href);
  return page && !isReservedPath(page.owner) ? page : null;
}

/** Whether the page says it is a repository page by anything but its nwo tag. */
function hasRepositoryLandmark(facts: PageFacts): boolean {
  return (
    (facts.subject?.startsWith('repository:') ?? false) ||
    (facts.routePattern?.startsWith('/:user_id/:repository') ?? false) ||
    facts.repositoryHeader
  );
}

/**
 * The repository page now shown, or null. Confirmed by `octolytics-dimension-repository_nwo`
 * when the page has it (null while it still names the previous page). Without it, a two-segment
 * URL needs another repository landmark (`hovercard-subject-tag` = `repository:*`, a repository
 * `route-pattern`, `#repository-container-header`): GitHub's marketing and docs pages
 * (`/git-guides/install-git`, `/solutions/devops`) look like `/owner/repo` and have none of them.
 * A tree URL (`/o/r/tree/...`) is a repository by its shape.
 */
export function repoPageFrom(href: string | URL, facts: PageFacts): RepoPage | null {
  const page = repoUrlShape(href);
  if (!page) return null;
  const nwo = facts.repositoryNwo;
  if (nwo === null) {
    if (facts.subject !== null && !facts.subject.startsWith('repository:')) return null;
    const twoSegments = (segments(new URL(href))?.length ?? 0) === 2;
    return !twoSegments || hasRepositoryLandmark(facts) ? page : null;
  }
  if (nwo.toLowerCase() !== page.nwo.toLowerCase()) return null;
  const [owner = page.owner, repo = page.repo] = nwo.split('/');
  return { ...page, owner, repo, nwo: `${owner}/${repo}` };
}

/** `repoPageFrom` on a document. */
export function detectRepoPage(href: string, doc: Document): RepoPage | null {
  return repoPageFrom(href, readPageFacts(doc));
}

/** The shape of an organization profile (`/org`, a valid name); GitHub's own pages not checked. */
export function orgUrlShape(href: string | URL): OrgPage | null {
  const url = toUrl(href);
  if (!url) return null;
  const parts = segments(url) ?? [];
  const [org] = parts;
  if (parts.length !== 1 || !isValidOrg(org)) return null;
  return { kind: 'org', host: url.host, org };
}

/** An organization profile URL: the shape, and not one of GitHub's own pages (`/feed`, `/mcp`). */
export function parseOrgUrl(href: string | URL): OrgPage | null {
  const page = orgUrlShape(href);
  return page && !isReservedPath(page.org) ? page : null;
}

/**
 * The organization profile now shown, or null: the URL must be `/org` and the page must say it
 * is an organization (`hovercard-subject-tag` = `organization:<id>`); user profiles share the URL shape.
 */
export function orgPageFrom(href: string | URL, facts: PageFacts): OrgPage | null {
  const page = orgUrlShape(href);
  if (!page) return null;
  return facts.subject?.startsWith('organization:') ? page : null;
}

/** `orgPageFrom` on a document. */
export function detectOrgPage(href: string, doc: Document): OrgPage | null {
  return orgPageFrom(href, readPageFacts(doc));
}

/**
 * The URL-only part of the decision (the background's first look at a tab's URL): which panel a
 * page at this URL may get, before any page fact is read. Null means no panel whatever the page
 * says (issues, pull requests, settings, GitHub's own pages): nothing is injected, not even a
 * probe. A repository or organization URL still needs its page's facts (`panelKindFrom`).
 */
export function panelUrlKind(href: string | URL): 'repo' | 'org' | null {
  if (parseRepoUrl(href)) return 'repo';
  return parseOrgUrl(href) ? 'org' : null;
}

/**
 * Which panel this page may get, from its URL and facts (the background decides with it, on the
 * facts `probePage` read in the tab; see utils/background/panelInjection.ts): a
 * repository URL (GitHub's own first segments excluded) whose page `repoPageFrom` confirms
 * (nothing is injected or requested for a page that only looks like one), or a one-segment URL,
 * not one of GitHub's own, whose page does not say it is a user profile. The panel itself
 * confirms the page again before mounting.
 */
export function panelKindFrom(href: string | URL, facts: PageFacts): 'repo' | 'org' | null {
  if (parseRepoUrl(href) && repoPageFrom(href, facts)) return 'repo';
  if (!parseOrgUrl(href)) return null;
  const subject = facts.subject;
  return subject === null || subject.startsWith('organization:') ? 'org' : null;
}

/** `panelKindFrom` on a document. */
export function panelKindFor(href: string, doc: Document): 'repo' | 'org' | null {
  return panelKindFrom(href, readPageFacts(doc));
}
