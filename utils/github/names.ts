/**
 * GitHub's naming rules, in one place: the page detector (utils/page/detect.ts) decides from them
 * whether a URL names a repository or an organization, and the endpoint builder
 * (utils/github/endpoints.ts) refuses anything else before it can reach the network. When the two
 * disagreed, a page was recognised whose requests were then refused (managed users' `_`).
 */

// A login (user or organization): letters and digits, single inner hyphens, 1-39 characters.
// Enterprise Managed Users are `handle_shortcode` (`mona_acme`): an underscore joins two parts.
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|[-_](?=[A-Za-z0-9])){0,38}$/;
// A repository: letters, digits, `.`, `_`, `-`, at most 100; may start with a dot (`.github`
// holds an organization's community files), is never `.` or `..`, and never ends in `.git`
// (GitHub drops that suffix when a repository is created; `/o/r.git` redirects).
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

/** A user login, including managed users' `handle_shortcode`. */
export function isValidLogin(name: unknown): name is string {
  return typeof name === 'string' && LOGIN.test(name);
}

/** An organization login: the same rule as a user's (both live in one namespace). */
export function isValidOrg(name: unknown): name is string {
  return isValidLogin(name);
}

/** A repository owner: a user or an organization. */
export function isValidOwner(name: unknown): name is string {
  return isValidLogin(name);
}

/** A repository name. */
export function isValidRepo(name: unknown): name is string {
  return typeof name === 'string' && REPO.test(name) && name !== '.' && name !== '..' && !/\.git$/i.test(name);
}
