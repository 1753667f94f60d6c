/**
 * GitHub-like pages for https://github.com/**: the meta tags, landmarks and sidebar structure the
 * content scripts rely on (FACTS.md, "Page structure"), styled with Primer's real theme variables so
 * screenshots look like GitHub. Every scenario string is escaped: these pages are the "host page",
 * the extension's own rendering is what tests probe for injection.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { escapeHtml as e } from './random';
import type { RepoData, RepoSpec } from './repo-data';
import type { OrgSpec } from './org-data';

export const ASSETS_ORIGIN = 'https://github.githubassets.com';
export const PRIMER_CSS_PATH = '/assets/statboard-mock-primer.css';

const THEMES = ['light', 'dark', 'dark-dimmed', 'light-high-contrast', 'dark-high-contrast'];
let primerCss: string | undefined;

/** Primer's functional tokens (sizes, type, five themes), comments stripped, read once. */
export function primerStylesheet(): string {
  if (primerCss === undefined) {
    const require = createRequire(import.meta.url);
    const root = join(dirname(require.resolve('@primer/primitives/package.json')), 'dist/css');
    const files = [
      'functional/size/border.css', 'functional/size/radius.css', 'functional/size/size.css',
      'functional/typography/typography.css', 'base/size/size.css', 'base/typography/typography.css',
      ...THEMES.map((t) => `functional/themes/${t}.css`),
    ];
    primerCss = files
      .map((f) => {
        try {
          return readFileSync(join(root, f), 'utf8');
        } catch {
          return '';
        }
      })
      .join('\n')
      .replace(/\/\*[\s\S]*?\*\//g, '');
  }
  return primerCss;
}

export interface PageOptions {
  /** `light`, `dark`, `dark_dimmed`, `light_high_contrast`, `dark_high_contrast`, `auto` */
  theme: string;
  /** signed-in user, or null for a signed-out page */
  viewer: string | null;
  /** the repository page layout (REPO_LAYOUTS; `noside` = `narrow`); null for the default, `2026-08` */
  layout: string | null;
}

/** data-color-mode / data-light-theme / data-dark-theme for a theme name. */
export function themeAttributes(theme: string): { mode: string; light: string; dark: string } {
  if (theme === 'auto') return { mode: 'auto', light: 'light', dark: 'dark' };
  if (theme.startsWith('dark')) return { mode: 'dark', light: 'light', dark: theme };
  return { mode: 'light', light: theme.startsWith('light') ? theme : 'light', dark: 'dark' };
}

const PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif,"Apple Color Emoji","Segoe UI Emoji";font-size:14px;line-height:1.5;color:var(--fgColor-default);background:var(--bgColor-default)}
a{color:var(--fgColor-accent);text-decoration:none}a:hover{text-decoration:underline}
.AppHeader{background:var(--bgColor-muted);border-bottom:1px solid var(--borderColor-default);padding:12px 16px 0}
.AppHeader-globalBar{display:flex;align-items:center;gap:12px;height:40px}
.AppHeader-logo{width:32px;height:32px;fill:var(--fgColor-default)}
.AppHeader-context{font-size:16px;display:flex;gap:4px;align-items:center}
.AppHeader-context a{color:var(--fgColor-default);font-weight:600}
.AppHeader-search{margin-left:auto;width:260px;height:32px;border:1px solid var(--borderColor-default);border-radius:6px;background:var(--bgColor-default);color:var(--fgColor-muted);padding:5px 8px;font-size:13px}
.AppHeader-user{width:32px;height:32px;border-radius:50%;background:var(--bgColor-accent-emphasis);color:var(--fgColor-onEmphasis,#fff);display:grid;place-items:center;font-weight:600}
.UnderlineNav{display:flex;gap:8px;padding:8px 0 0;overflow:auto}
.UnderlineNav-item{padding:6px 8px 10px;color:var(--fgColor-default);border-bottom:2px solid transparent;white-space:nowrap}
.UnderlineNav-item[aria-current=page]{border-bottom-color:var(--underlineNav-borderColor-active,#fd8c73);font-weight:600}
.Counter{display:inline-block;min-width:20px;padding:0 6px;margin-left:4px;font-size:12px;border-radius:2em;background:var(--bgColor-neutral-muted);text-align:center}
.container-xl{max-width:1280px;margin:0 auto;padding:24px 32px}
.repohead-actions{display:flex;gap:8px;align-items:center;justify-content:space-between;margin-bottom:16px}
.repohead-title{font-size:20px;display:flex;gap:8px;align-items:center}
.Label{border:1px solid var(--borderColor-default);border-radius:2em;padding:0 7px;font-size:12px;color:var(--fgColor-muted);font-weight:500}
.btn{display:inline-flex;align-items:center;gap:4px;height:28px;padding:0 12px;font-size:12px;font-weight:500;border:1px solid var(--borderColor-default);border-radius:6px;background:var(--bgColor-muted);color:var(--fgColor-default)}
.btn-primary{background:var(--bgColor-success-emphasis);color:#fff;border-color:transparent}
[class^="prc-PageLayout-PageLayoutContent-"]{display:flex;gap:24px;align-items:flex-start}
[class^="prc-PageLayout-ContentWrapper-"]{flex:1;min-width:0}
[class^="prc-PageLayout-PaneWrapper-"]{width:296px;flex:none}
.Box{border:1px solid var(--borderColor-default);border-radius:6px;background:var(--bgColor-default)}
.Box-header{background:var(--bgColor-muted);padding:12px 16px;border-bottom:1px solid var(--borderColor-default);border-radius:6px 6px 0 0;display:flex;gap:8px;align-items:center}
.Box-row{padding:8px 16px;border-top:1px solid var(--borderColor-muted);display:flex;gap:16px}
.Box-row:first-of-type{border-top:0}
.Box-row .name{flex:0 0 220px}.Box-row .msg{flex:1;color:var(--fgColor-muted)}.Box-row .age{color:var(--fgColor-muted)}
.markdown-body{padding:24px 32px}
.markdown-body h1{font-size:2em;border-bottom:1px solid var(--borderColor-muted);padding-bottom:.3em;margin-top:0}
.markdown-body code{background:var(--bgColor-neutral-muted);padding:.2em .4em;border-radius:6px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:85%}
.repohead{padding:16px 32px 0;border-bottom:1px solid var(--borderColor-default);max-width:1280px;margin:0 auto}
.repohead .UnderlineNav{padding-top:0}
.narrow-about{margin-bottom:16px}
[class*="CodeViewSidebar-module__borderGrid__"]{display:flex;flex-direction:column}
[class*="SidebarSection-module__sidebarSection__"]{padding:16px 0;border-top:1px solid var(--borderColor-muted)}
[class*="SidebarSection-module__sidebarSection__"]:first-child{border-top:0;padding-top:0}
[class*="SidebarSection-module__sectionHeading__"]{font-size:16px;font-weight:600;margin:0 0 16px;line-height:1.5}
[class*="SidebarSection-module__sectionHeading__"] a{color:var(--fgColor-default)}
@media (max-width:1011px){.hide-md{display:none!important}}
@media (max-width:767px){.hide-sm{display:none!important}}
.BorderGrid{display:table;width:100%;table-layout:fixed;border-collapse:collapse}
.BorderGrid-row{display:table-row}
.BorderGrid-cell{display:table-cell;padding:16px 0;border-top:1px solid var(--borderColor-muted)}
.BorderGrid-row:first-child .BorderGrid-cell{border-top:0;padding-top:0}
.h4{font-size:16px;font-weight:600;margin:0 0 16px}
.f4{font-size:16px}.color-fg-muted{color:var(--fgColor-muted)}
.topic-tag{display:inline-block;padding:0 10px;margin:0 4px 4px 0;font-size:12px;line-height:22px;border-radius:2em;background:var(--bgColor-accent-muted);color:var(--fgColor-accent);font-weight:500}
.avatar{border-radius:50%;vertical-align:middle}
.lang-bar{display:flex;height:8px;border-radius:6px;overflow:hidden;margin:8px 0}
.orghead{padding:32px 32px 0;border-bottom:1px solid var(--borderColor-default);background:var(--bgColor-default)}
.orghead-details{display:flex;gap:24px;align-items:center;max-width:1280px;margin:0 auto}
.orghead .avatar{border-radius:12px;width:100px;height:100px;background:var(--bgColor-accent-emphasis)}
.orghead h1{margin:0;font-size:24px}
.Layout{display:flex;gap:24px}.Layout-main{flex:1;min-width:0}.Layout-sidebar{width:296px;flex:none}
.repo-list-item{padding:24px 0;border-bottom:1px solid var(--borderColor-muted)}
.repo-list-item h3{margin:0 0 4px;font-size:20px}
footer.footer{max-width:1280px;margin:40px auto;padding:24px 32px;border-top:1px solid var(--borderColor-muted);color:var(--fgColor-muted);font-size:12px;display:flex;gap:16px}
.timeline-comment{border:1px solid var(--borderColor-default);border-radius:6px;margin-bottom:16px}
.timeline-comment-header{background:var(--bgColor-muted);padding:8px 16px;border-bottom:1px solid var(--borderColor-default);color:var(--fgColor-muted)}
.State{display:inline-block;padding:5px 12px;border-radius:2em;background:var(--bgColor-success-emphasis);color:#fff;font-weight:500}
`;

const LOGO = '<svg class="AppHeader-logo" viewBox="0 0 16 16" aria-hidden="true"><path d="M8 0c4.42 0 8 3.58 8 8a8.013 8.013 0 0 1-5.45 7.59c-.4.08-.55-.17-.55-.38 0-.27.01-1.13.01-2.2 0-.75-.25-1.23-.54-1.48 1.78-.2 3.65-.88 3.65-3.95 0-.88-.31-1.59-.82-2.15.08-.2.36-1.02-.08-2.12 0 0-.67-.22-2.2.82-.64-.18-1.32-.27-2-.27-.68 0-1.36.09-2 .27-1.53-1.03-2.2-.82-2.2-.82-.44 1.1-.16 1.92-.08 2.12-.51.56-.82 1.28-.82 2.15 0 3.06 1.86 3.75 3.64 3.95-.23.2-.44.55-.51 1.07-.46.21-1.61.55-2.33-.66-.15-.24-.6-.83-1.23-.82-.67.01-.27.38.01.53.34.19.73.9.82 1.13.16.45.68 1.31 2.69.94 0 .67.01 1.3.01 1.49 0 .21-.15.45-.55.38A7.995 7.995 0 0 1 0 8c0-4.42 3.58-8 8-8Z"/></svg>';

/**
 * The page-side test API (main world): theme switch and soft navigation that behaves like GitHub's
 * Turbo (replaces <body>, fires turbo:render) and React router (replaces body content, fires
 * soft-nav:react-done), or a bare pushState.
 */
const PAGE_SCRIPT = `
(() => {
  const MANAGED = 'meta[name="octolytics-dimension-repository_nwo"],meta[name="octolytics-dimension-repository_public"],meta[name="octolytics-dimension-repository_id"],meta[name="hovercard-subject-tag"],meta[name="user-login"],meta[name="description"],meta[name="route-pattern"]';
  const pages = new Map();
  let seq = 0;
  const snapshot = () => ({
    title: document.title,
    metas: [...document.head.querySelectorAll(MANAGED)].map((m) => m.cloneNode(true)),
    body: document.body.cloneNode(true),
  });
  const swap = (snap, kind) => {
    document.head.querySelectorAll(MANAGED).forEach((m) => m.remove());
    snap.metas.forEach((m) => document.head.appendChild(m.cloneNode(true)));
    document.title = snap.title;
    const body = document.importNode(snap.body, true);
    if (kind === 'turbo') document.body.replaceWith(body);
    else document.body.replaceChildren(...body.childNodes);
  };
  const fire = (kind, phase) => {
    if (kind === 'turbo') document.dispatchEvent(new Event(phase === 'start' ? 'turbo:visit' : 'turbo:render', { bubbles: true }));
    if (kind === 'turbo' && phase === 'done') document.dispatchEvent(new Event('turbo:load', { bubbles: true }));
    if (kind === 'react') document.dispatchEvent(new Event(phase === 'start' ? 'soft-nav:start' : 'soft-nav:react-done', { bubbles: true }));
    if (kind === 'react' && phase === 'done') document.dispatchEvent(new Event('soft-nav:end', { bubbles: true }));
  };
  const current = () => history.state && history.state.statboardMock;
  if (!current()) history.replaceState({ statboardMock: { id: seq, kind: 'history' } }, '', location.href);
  const api = {
    setTheme(name) {
      const dark = name.startsWith('dark');
      const root = document.documentElement;
      root.setAttribute('data-color-mode', name === 'auto' ? 'auto' : dark ? 'dark' : 'light');
      root.setAttribute('data-light-theme', name.startsWith('light') ? name : 'light');
      root.setAttribute('data-dark-theme', dark ? name : 'dark');
    },
    async softNavigate(url, options) {
      const kind = (options && options.event) || 'turbo';
      const target = new URL(url, location.href);
      fire(kind, 'start');
      const res = await fetch(target.href, { headers: { accept: 'text/html' } });
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      pages.set(current().id, snapshot());
      seq += 1;
      const snap = {
        title: doc.title,
        metas: [...doc.head.querySelectorAll(MANAGED)],
        body: doc.body,
      };
      pages.set(seq, snap);
      history.pushState({ statboardMock: { id: seq, kind } }, '', target.href);
      swap(snap, kind);
      fire(kind, 'done');
    },
    // What a React render of GitHub's sidebar does to an extension's addition: the end pane's
    // subtree is replaced by a fresh copy without it, with no navigation event. Resolves with the
    // ms until a repository panel host is back inside the new pane (or never, if it does not come back).
    rerenderPane() {
      const old = document.querySelector('[data-position="end"]') || document.querySelector('.Layout-sidebar');
      const rebuilt = old.cloneNode(true);
      rebuilt.querySelectorAll('[data-statboard-host]').forEach((n) => n.remove());
      return new Promise((resolve) => {
        const start = performance.now();
        const check = () => {
          const host = document.querySelector('[data-statboard-host="repo"]');
          if (host && rebuilt.contains(host)) resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        old.replaceWith(rebuilt);
        check();
      });
    },
  };
  window.__statboardTest = api;
  addEventListener('popstate', (event) => {
    const state = event.state && event.state.statboardMock;
    const snap = state && pages.get(state.id);
    if (!snap) return;
    swap(snap, state.kind);
    fire(state.kind, 'done');
  });
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[data-soft-nav]');
    if (!link || link.origin !== location.origin) return;
    event.preventDefault();
    api.softNavigate(link.href, { event: link.getAttribute('data-soft-nav') || 'turbo' });
  });
})();
`;

interface Shell {
  title: string;
  metas: Record<string, string>;
  context: string;
  nav: string;
  main: string;
}

function page(opts: PageOptions, shell: Shell): string {
  const theme = themeAttributes(opts.theme);
  const metas = { 'user-login': opts.viewer ?? '', ...shell.metas };
  const viewer = opts.viewer
    ? `<a class="AppHeader-user" href="/${e(opts.viewer)}" aria-label="Open user navigation menu">${e(opts.viewer.charAt(0).toUpperCase())}</a>`
    : '<a class="btn" href="/login">Sign in</a>';
  return `<!DOCTYPE html>
<html lang="en" data-color-mode="${theme.mode}" data-light-theme="${e(theme.light)}" data-dark-theme="${e(theme.dark)}" data-a11y-animated-images="system">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>${e(shell.title)}</title>
${Object.entries(metas).map(([name, content]) => `<meta name="${e(name)}" content="${e(content)}">`).join('\n')}
<link rel="stylesheet" href="${ASSETS_ORIGIN}${PRIMER_CSS_PATH}">
<style>${PAGE_CSS}</style>
<script>${PAGE_SCRIPT}</script>
</head>
<body class="${opts.viewer ? 'logged-in' : 'logged-out'} env-production page-responsive">
<div class="logged-in env-production page-responsive" style="word-wrap: break-word;">
<header class="AppHeader" role="banner">
<div class="AppHeader-globalBar">
<a href="/" aria-label="Homepage" data-soft-nav="turbo">${LOGO}</a>
<div class="AppHeader-context">${shell.context}</div>
<div class="AppHeader-search" role="search">Type <kbd>/</kbd> to search</div>
${viewer}
</div>
${shell.nav}
</header>
<div class="application-main" data-commit-hovercards-enabled>
<main id="js-repo-pjax-container">
${shell.main}
</main>
</div>
<footer class="footer" role="contentinfo"><span>© 2026 GitHub, Inc.</span><a href="/site/terms">Terms</a><a href="/site/privacy">Privacy</a><a href="/security">Security</a><a href="/status">Status</a></footer>
</div>
</body>
</html>`;
}

function repoContext(repo: RepoData): string {
  const { owner, name } = repo.spec;
  return `<a href="/${e(owner)}" data-soft-nav="turbo">${e(owner)}</a><span class="color-fg-muted">/</span><a href="/${e(owner)}/${e(name)}" data-soft-nav="turbo">${e(name)}</a>`;
}

function repoNav(repo: RepoData, current: string): string {
  const base = `/${e(repo.spec.owner)}/${e(repo.spec.name)}`;
  const tabs: [string, string, string][] = [
    ['code', 'Code', base], ['issues', 'Issues', `${base}/issues`], ['pulls', 'Pull requests', `${base}/pulls`],
    ['actions', 'Actions', `${base}/actions`], ['projects', 'Projects', `${base}/projects`],
    ['security', 'Security', `${base}/security`], ['insights', 'Insights', `${base}/pulse`],
  ];
  return `<nav class="UnderlineNav js-repo-nav js-sidenav-container-pjax" aria-label="Repository" data-pjax="#js-repo-pjax-container">${tabs
    .map(([id, label, href]) => `<a class="UnderlineNav-item" id="${id}-tab" href="${href}" data-tab-item="i${id}-tab" data-soft-nav="turbo"${id === current ? ' aria-current="page"' : ''}>${label}${id === 'issues' ? '<span class="Counter">12</span>' : ''}</a>`)
    .join('')}</nav>`;
}

function repoMetas(repo: RepoData): Record<string, string> {
  return {
    description: repo.spec.description,
    'route-pattern': '/:user_id/:repository',
    'hovercard-subject-tag': `repository:${repo.spec.id}`,
    'octolytics-dimension-repository_id': String(repo.spec.id),
    'octolytics-dimension-repository_nwo': repo.fullName,
    'octolytics-dimension-repository_public': String(!repo.spec.private),
  };
}

function relative(i: number): string {
  return ['2 hours ago', 'yesterday', '3 days ago', 'last week', '2 weeks ago', 'last month', '3 months ago'][i % 7]!;
}

/**
 * The repository page layouts GitHub serves (FACTS.md, "Page structure"), all live somewhere:
 * `2022` (`.Layout-sidebar > .BorderGrid`), `2026-05` (Primer PageLayout, `rails-partial` around
 * a `.BorderGrid`), `2026-08` (React CSS-module sections, hydration markers, no `.BorderGrid`;
 * the default) and `narrow` (the 2026-08 page on a narrow window: no end pane).
 */
export const REPO_LAYOUTS = ['2022', '2026-05', '2026-08', 'narrow'] as const;
export type RepoLayout = (typeof REPO_LAYOUTS)[number];
export const DEFAULT_REPO_LAYOUT: RepoLayout = '2026-08';

/** A layout name from a query parameter or option; `noside` is the old name of `narrow`. */
export function repoLayout(name: string | null | undefined): RepoLayout {
  if (name === 'noside') return 'narrow';
  return (REPO_LAYOUTS as readonly string[]).includes(name ?? '') ? (name as RepoLayout) : DEFAULT_REPO_LAYOUT;
}

interface SidebarSection {
  title: string;
  /** the heading's inner HTML (a link with a counter, or the title) */
  heading: string;
  body: string;
}

function sidebarSections(repo: RepoData): SidebarSection[] {
  const { spec } = repo;
  const top = spec.contributors.filter((c) => c.login).slice(0, 12);
  return [
    {
      title: 'About',
      heading: 'About',
      body: `<p class="f4 my-3">${e(spec.description)}</p>
<div class="my-3"><a class="topic-tag" href="/topics/ci">ci</a><a class="topic-tag" href="/topics/deploy">deploy</a><a class="topic-tag" href="/topics/typescript">typescript</a></div>
<div class="color-fg-muted">★ <strong>${spec.stars.toLocaleString('en-US')}</strong> stars · 128 watching · 512 forks</div>`,
    },
    { title: 'Releases', heading: `<a href="/${e(repo.fullName)}/releases">Releases <span class="Counter">42</span></a>`, body: '<div>v3.2.0 <span class="Label">Latest</span></div>' },
    {
      title: 'Contributors',
      heading: `<a href="/${e(repo.fullName)}/graphs/contributors">Contributors <span class="Counter">${spec.contributors.length}</span></a>`,
      body: `<div>${top.map((c) => `<a href="/${e(c.login!)}" data-hovercard-type="user"><img class="avatar" width="32" height="32" alt="@${e(c.login!)}" src="https://avatars.githubusercontent.com/u/${c.id}?s=64&amp;v=4"></a>`).join(' ')}</div>`,
    },
    {
      title: 'Languages',
      heading: 'Languages',
      body: `<div class="lang-bar"><span style="width:78%;background:#3178c6"></span><span style="width:15%;background:#f1e05a"></span><span style="width:7%;background:#563d7c"></span></div>
<div class="color-fg-muted">${e(spec.language)} 78.1% · JavaScript 15.2% · CSS 6.7%</div>`,
    },
  ];
}

/** 2022-24 and 2026-05: one `.BorderGrid-row > .BorderGrid-cell` per section. */
function borderGrid(sections: SidebarSection[]): string {
  return `<div class="BorderGrid about-margin" data-pjax="">
${sections.map((s) => `<div class="BorderGrid-row"><div class="BorderGrid-cell"><h2 class="${s.title === 'About' ? 'mb-3 h4' : 'h4 mb-3'}">${s.heading}</h2>\n${s.body}</div></div>`).join('\n')}
</div>`;
}

/** 2026-08: React's server render, one CSS-module section per part; About hides on narrow windows. */
function moduleSidebar(sections: SidebarSection[]): string {
  return `<div class="CodeViewSidebar-module__borderGrid__Lpx5q"><!--$-->
${sections.map((s) => `<div class="SidebarSection-module__sidebarSection__e8jFN${s.title === 'About' ? ' hide-sm hide-md' : ''}"><h2 class="SidebarSection-module__sectionHeading__TG36m prc-Heading-Heading-MtWFE" data-component="Heading"><span><!--&-->${s.heading}<!--&--></span></h2><!--&-->${s.body}<!--&--></div>`).join('\n')}
<!--/$--></div>`;
}

function sidebar(layout: RepoLayout, sections: SidebarSection[]): string {
  if (layout === '2022') return `<div class="Layout-sidebar">${borderGrid(sections)}</div>`;
  if (layout === '2026-05') {
    return `<div class="prc-PageLayout-PaneWrapper-pHPYL" data-position="end">
<div class="prc-PageLayout-Pane-Vl5LI" data-resizable="false" style="--spacing: 24px;">
<rails-partial data-partial-name="codeViewRepoRoute.Sidebar" data-loaded="true">${borderGrid(sections)}</rails-partial>
</div></div>`;
  }
  if (layout === '2026-08') {
    return `<div class="prc-PageLayout-PaneWrapper-pHPop" data-position="end" data-sticky="false"><!--&-->
<div class="prc-PageLayout-Pane-AyzHK" data-component="SplitPageLayout.Pane" data-resizable="false" style="--spacing: 24px;">${moduleSidebar(sections)}</div>
<!--&--></div>`;
  }
  return '';
}

/** `#repository-container-header`: the repository name and its tab bar, first in `<main>`. */
function repoHeader(repo: RepoData, tab: string): string {
  const { spec } = repo;
  return `<div id="repository-container-header" class="repohead" data-turbo-replace="">
<div class="repohead-actions">
<div class="repohead-title"><strong><a href="/${e(repo.fullName)}" data-soft-nav="turbo">${e(spec.name)}</a></strong><span class="Label">${spec.private ? 'Private' : 'Public'}</span></div>
<div style="display:flex;gap:8px"><span class="btn">Watch <span class="Counter">128</span></span><span class="btn">Fork <span class="Counter">512</span></span><span class="btn">★ Star <span class="Counter">${spec.stars.toLocaleString('en-US')}</span></span></div>
</div>
${repoNav(repo, tab)}
</div>`;
}

export function repoPage(repo: RepoData, opts: PageOptions): string {
  const { spec } = repo;
  const layout = repoLayout(opts.layout);
  const files = spec.empty
    ? ''
    : ['.github', 'docs', 'src', 'tests', '.gitignore', 'LICENSE', 'README.md', 'package.json', 'tsconfig.json']
        .map((f, i) => `<div class="Box-row" role="row"><span class="name" role="rowheader"><a href="/${e(repo.fullName)}/blob/${e(spec.defaultBranch)}/${f}">${f}</a></span><span class="msg">${['Bump deps', 'Docs: launch guide', 'Faster pipeline planner', 'Cover retries', 'Ignore build output', 'MIT license', 'Explain setup', 'Release 3.2.0', 'Stricter checks'][i]}</span><span class="age">${relative(i)}</span></div>`)
        .join('');
  const sections = sidebarSections(repo);
  // On narrow windows GitHub shows About's text above the files instead of in a pane.
  const narrowAbout = layout === 'narrow' ? `<div class="narrow-about"><p class="f4" style="margin:0 0 8px">${e(spec.description)}</p><div class="color-fg-muted">★ ${spec.stars.toLocaleString('en-US')} stars · 512 forks</div></div>` : '';
  const content = `${narrowAbout}
<div class="repohead-actions"><span class="btn">⎇ ${e(spec.defaultBranch)}</span><span class="btn btn-primary">Code ▾</span></div>
<div class="Box" data-hpc>
<div class="Box-header"><img class="avatar" width="20" height="20" alt="" src="https://avatars.githubusercontent.com/u/${spec.contributors[0]?.id ?? 1}?s=40&amp;v=4"><strong>${e(spec.contributors[0]?.login ?? spec.owner)}</strong><span class="color-fg-muted">Faster pipeline planner</span><span class="color-fg-muted" style="margin-left:auto"><code>${repo.headSha.slice(0, 7)}</code> · 2 hours ago</span></div>
<div role="grid" aria-labelledby="folders-and-files">${spec.empty ? '<div class="Box-row">This repository is empty.</div>' : files}</div>
</div>
${spec.empty ? '' : `<div class="Box" style="margin-top:16px" id="readme"><div class="Box-header"><strong>README</strong></div><article class="markdown-body entry-content" itemprop="text"><h1>${e(spec.name)}</h1><p>${e(spec.description)}.</p><p>Install with <code>npm install @${e(spec.owner)}/${e(spec.name)}</code> and run <code>${e(spec.name)} launch</code>.</p></article></div>`}`;
  const body =
    layout === '2022'
      ? `<div class="Layout Layout--flowRow-until-md Layout--sidebarPosition-end Layout--sidebarPosition-flowRow-end">
<div class="Layout-main">${content}</div>
${sidebar(layout, sections)}
</div>`
      : `<div class="prc-PageLayout-PageLayoutRoot-1zlEO" data-component="PageLayout">
<div class="prc-PageLayout-PageLayoutContent-jzDMn">
<div class="prc-PageLayout-ContentWrapper-b-QRo" data-is-hidden="false">
<div class="prc-PageLayout-Content--F7-I" data-width="full">${content}</div></div>
${sidebar(layout, sections)}
</div></div>`;
  const main = `
${repoHeader(repo, 'code')}
<div class="container-xl" data-statboard-mock-layout="${layout}">
${body}
</div>`;
  return page(opts, {
    title: `${repo.fullName}: ${spec.description}`,
    metas: repoMetas(repo),
    context: repoContext(repo),
    nav: '',
    main,
  });
}

/** Repo sub-pages (issues list, pulls, ...): same header and meta tags, no About sidebar. */
export function repoSubPage(repo: RepoData, opts: PageOptions, tab: string, issue: number | null): string {
  const body =
    issue === null
      ? `<div class="Box"><div class="Box-header"><strong>12 Open</strong></div>${Array.from({ length: 6 }, (_, i) => `<div class="Box-row"><a href="/${e(repo.fullName)}/issues/${i + 1}" data-soft-nav="turbo">Issue number ${i + 1}</a><span class="age">${relative(i)}</span></div>`).join('')}</div>`
      : `<h1 class="f4" style="font-size:32px;font-weight:400">Launch fails on cold start <span class="color-fg-muted">#${issue}</span></h1>
<p><span class="State">Open</span> <span class="color-fg-muted">opened ${relative(issue)}</span></p>
<div class="timeline-comment"><div class="timeline-comment-header">${e(repo.spec.contributors[0]?.login ?? 'ghost')} commented</div><div class="markdown-body"><p>Steps to reproduce are in the attached log.</p></div></div>`;
  return page(opts, {
    title: issue === null ? `${tab} · ${repo.fullName}` : `Launch fails on cold start · Issue #${issue} · ${repo.fullName}`,
    metas: { ...repoMetas(repo), 'route-pattern': issue === null ? `/:user_id/:repository/${tab}` : '/:user_id/:repository/issues/:id' },
    context: repoContext(repo),
    nav: '',
    main: `${repoHeader(repo, tab)}<div class="container-xl">${body}</div>`,
  });
}

export function orgPage(org: OrgSpec, repos: RepoSpec[], opts: PageOptions): string {
  const list = repos
    .filter((r) => !r.private)
    .map((r) => `<div class="repo-list-item"><h3><a href="/${e(r.owner)}/${e(r.name)}" data-soft-nav="turbo">${e(r.name)}</a> <span class="Label">Public</span></h3><p class="color-fg-muted">${e(r.description)}</p><span class="color-fg-muted">${e(r.language)} · ★ ${r.stars.toLocaleString('en-US')}</span></div>`)
    .join('');
  const people = org.subjects.filter((s) => s.type === 'user').slice(0, 12);
  const main = `
<div class="orghead">
<div class="orghead-details">
<img class="avatar" alt="@${e(org.login)}" src="https://avatars.githubusercontent.com/u/${org.id}?s=200&amp;v=4" width="100" height="100">
<div><h1 class="h2 lh-condensed">${e(org.name)}</h1><div class="color-fg-muted">${e(org.description)}</div><div class="color-fg-muted">Earth · <a href="https://example.com">acme.example</a> · <span class="Label">Verified</span></div></div>
</div>
<nav class="UnderlineNav" aria-label="Organization" style="max-width:1280px;margin:16px auto 0">
<a class="UnderlineNav-item" href="/${e(org.login)}" aria-current="page">Overview</a><a class="UnderlineNav-item" href="/orgs/${e(org.login)}/repositories">Repositories <span class="Counter">${repos.length}</span></a><a class="UnderlineNav-item" href="/orgs/${e(org.login)}/projects">Projects</a><a class="UnderlineNav-item" href="/orgs/${e(org.login)}/packages">Packages</a><a class="UnderlineNav-item" href="/orgs/${e(org.login)}/people">People <span class="Counter">${people.length}</span></a><a class="UnderlineNav-item" href="/orgs/${e(org.login)}/insights">Insights</a>
</nav>
</div>
<div class="container-xl">
<div class="Layout Layout--flowRow-until-md Layout--sidebarPosition-end">
<div class="Layout-main">
<div class="Box"><div class="Box-header"><strong>Popular repositories</strong></div><div style="padding:0 16px" id="org-repositories">${list}</div></div>
</div>
<div class="Layout-sidebar">
<div class="BorderGrid"><div class="BorderGrid-row"><div class="BorderGrid-cell"><h2 class="h4">People</h2><div>${people.map((p) => `<a href="/${e(p.name)}"><img class="avatar" width="32" height="32" alt="@${e(p.name)}" src="https://avatars.githubusercontent.com/u/${p.id}?s=64&amp;v=4"></a>`).join(' ')}</div></div></div>
<div class="BorderGrid-row"><div class="BorderGrid-cell"><h2 class="h4">Top languages</h2><div class="color-fg-muted">TypeScript · Java · C++ · Go</div></div></div></div>
</div></div></div>`;
  return page(opts, {
    title: `${org.name} · GitHub`,
    metas: { description: org.description, 'route-pattern': '/:user_id', 'hovercard-subject-tag': `organization:${org.id}` },
    context: `<a href="/${e(org.login)}">${e(org.login)}</a>`,
    nav: '',
    main,
  });
}

export function userPage(login: string, id: number, opts: PageOptions): string {
  const main = `<div class="container-xl"><div class="Layout">
<div class="Layout-sidebar" style="order:-1"><img class="avatar" width="260" height="260" alt="" src="https://avatars.githubusercontent.com/u/${id}?s=520&amp;v=4"><h1 class="vcard-names"><span class="p-nickname vcard-username" itemprop="additionalName">${e(login)}</span></h1><div class="js-profile-editable-area color-fg-muted">Builds things at Acme.</div></div>
<div class="Layout-main"><div class="Box"><div class="Box-header"><strong>Pinned</strong></div><div class="Box-row"><a href="/acme/rocket">acme/rocket</a></div></div></div>
</div></div>`;
  return page(opts, {
    title: `${login} · GitHub`,
    metas: { description: `${login} has repositories on GitHub.`, 'route-pattern': '/:user_id', 'hovercard-subject-tag': `user:${id}` },
    context: `<a href="/${e(login)}">${e(login)}</a>`,
    nav: '',
    main,
  });
}

/**
 * GitHub's own pages whose URLs look like `/NAME` or `/NAME/THING` (FACTS.md: marketing and docs
 * pages have two-segment URLs and none of the repository meta tags). `solutions` is not in
 * github-reserved-names: only the missing repository landmarks tell that page apart.
 */
export const GITHUB_OWN_PAGES: Record<string, string> = {
  '/features/copilot': 'GitHub Copilot · Your AI pair programmer',
  '/git-guides/install-git': 'Install Git · GitHub',
  '/education/students': 'GitHub Education for students',
  '/solutions/devops': 'DevOps solutions · GitHub',
  '/feed': 'Feed · GitHub',
  '/discussions': 'Discussions · GitHub',
  '/mcp': 'GitHub MCP Registry',
};

/** A marketing, docs or dashboard page of GitHub itself, or null for other paths. */
export function githubOwnPage(parts: string[], opts: PageOptions): string | null {
  const path = `/${parts.join('/')}`;
  const title = GITHUB_OWN_PAGES[path];
  if (title === undefined) return null;
  const [first = '', second = ''] = parts;
  const main = `<div class="container-xl" data-statboard-mock-page="github-own">
<h1 style="font-size:40px;margin:40px 0 8px">${e(title.split(' · ')[0]!)}</h1>
<p class="f4 color-fg-muted">${e(first)}${second ? ` / ${e(second)}` : ''}: GitHub's own page, no repository here.</p>
<div class="Box"><div class="Box-row">Get started</div><div class="Box-row">Pricing</div><div class="Box-row">Contact sales</div></div>
</div>`;
  return page(opts, {
    title,
    metas: { description: `${title}.` },
    context: `<a href="${e(path)}">${e(first)}</a>`,
    nav: '',
    main,
  });
}

export function notFoundPage(opts: PageOptions): string {
  return page(opts, {
    title: 'Page not found · GitHub',
    metas: {},
    context: '',
    nav: '',
    main: '<div class="container-xl" style="text-align:center;padding:80px"><h1>404</h1><p>This is not the web page you are looking for.</p></div>',
  });
}

/** A round identicon-like avatar (SVG) so pages and panels have images without the network. */
export function avatarSvg(id: number): string {
  const hue = (id * 47) % 360;
  const cells: string[] = [];
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 3; x++) {
      if ((id >> (y * 3 + x)) & 1) {
        cells.push(`<rect x="${x}" y="${y}" width="1" height="1"/>`);
        if (x < 2) cells.push(`<rect x="${4 - x}" y="${y}" width="1" height="1"/>`);
      }
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 7 7" width="64" height="64"><rect x="-1" y="-1" width="7" height="7" fill="#f0f0f0"/><g fill="hsl(${hue} 55% 55%)">${cells.join('')}</g></svg>`;
}
