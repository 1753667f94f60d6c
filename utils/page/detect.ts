/**
 * Which GitHub page is shown, from the URL and the page's own meta tags. The URL says what the
 * page should be; the meta tags say what the DOM currently is. During a soft navigation the URL
 * changes first, so a mismatch means "not yet", and callers wait for the DOM to catch up.
 */

export interface RepoPage {
  kind: 'repo';
  /** the page host, e.g. `github.com` */
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

/**
 * First path segments that are GitHub's own pages, never an owner: the one list for the page
 * detector and the popup's reading of the active tab's URL.
 */
export const RESERVED_PATHS: ReadonlySet<string> = new Set([
  'about', 'account', 'api', 'apps', 'assets', 'blog', 'codespaces', 'collections', 'contact', 'copilot',
  'customer-stories', 'dashboard', 'enterprise', 'enterprises', 'events', 'explore', 'features', 'gist',
  'github-copilot', 'home', 'issues', 'join', 'login', 'logout', 'marketplace', 'models', 'new',
  'notifications', 'organizations', 'orgs', 'pricing', 'public', 'pulls', 'readme', 'resources', 'search',
  'security', 'sessions', 'settings', 'signup', 'site', 'solutions', 'sponsors', 'stars', 'team', 'topics',
  'trending', 'users', 'watching',
]);

/** Whether a first path segment (decoded, any case) is one of GitHub's own pages. */
export function isReservedPath(segment: string): boolean {
  return RESERVED_PATHS.has(segment.toLowerCase());
}

// Owners (users, orgs; managed users have `_`) start with a letter or digit; repository names
// may start with a dot (`.github` holds an org's community files) but are never `.` or `..`.
const OWNER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}$/;
const REPO = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;

/** The path's parts, decoded; null for a malformed escape (this runs on every GitHub page). */
function segments(url: URL): string[] | null {
  try {
    return url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

function meta(doc: Document, name: string): string | null {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() || null;
}

/**
 * A repository root or code view (`/owner/repo`, `/owner/repo/tree/...`) from the URL alone;
 * issues, pull requests, settings and the rest are not.
 */
export function parseRepoUrl(href: string): RepoPage | null {
  const url = new URL(href);
  const [owner, repo, view, ...rest] = segments(url) ?? [];
  if (!owner || !repo || isReservedPath(owner)) return null;
  if (!OWNER.test(owner) || !REPO.test(repo) || repo.endsWith('.git')) return null;
  if (view !== undefined && !(view === 'tree' && rest.length > 0)) return null;
  return { kind: 'repo', host: url.hostname, owner, repo, nwo: `${owner}/${repo}` };
}

/**
 * The repository page now shown, or null. Confirmed by `octolytics-dimension-repository_nwo`
 * when the page has it (null while it still names the previous page); the URL alone when the
 * tag is absent, so a markup change degrades confirmation, not the feature.
 */
export function detectRepoPage(href: string, doc: Document): RepoPage | null {
  const page = parseRepoUrl(href);
  if (!page) return null;
  const nwo = meta(doc, 'octolytics-dimension-repository_nwo');
  if (nwo === null) return page;
  if (nwo.toLowerCase() !== page.nwo.toLowerCase()) return null;
  const [owner = page.owner, repo = page.repo] = nwo.split('/');
  return { ...page, owner, repo, nwo: `${owner}/${repo}` };
}

/** An organization profile (`/org`) from the URL alone. */
export function parseOrgUrl(href: string): OrgPage | null {
  const url = new URL(href);
  const parts = segments(url) ?? [];
  const [org] = parts;
  if (parts.length !== 1 || !org || isReservedPath(org) || !OWNER.test(org)) return null;
  return { kind: 'org', host: url.hostname, org };
}

/**
 * The organization profile now shown, or null: the URL must be `/org` and the page must say it
 * is an organization (`hovercard-subject-tag` = `organization:<id>`); user profiles share the URL shape.
 */
export function detectOrgPage(href: string, doc: Document): OrgPage | null {
  const page = parseOrgUrl(href);
  if (!page) return null;
  const subject = meta(doc, 'hovercard-subject-tag');
  return subject?.startsWith('organization:') ? page : null;
}

/**
 * Which panel this page may get, cheaply (the page detector runs on every GitHub page): a
 * repository URL, or a one-segment URL whose page does not say it is a user profile. The panel
 * itself confirms the page from the DOM before mounting.
 */
export function panelKindFor(href: string, doc: Document): 'repo' | 'org' | null {
  if (parseRepoUrl(href)) return 'repo';
  if (!parseOrgUrl(href)) return null;
  const subject = meta(doc, 'hovercard-subject-tag');
  return subject === null || subject.startsWith('organization:') ? 'org' : null;
}
