/** The bench tools' command line: `--name value` options and the page a profiling tool looks at. */
const argv = process.argv.slice(2);

export function option(name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

export const flag = (name: string): boolean => argv.includes(`--${name}`);

/**
 * The page a profiling tool visits (the first `https://` argument, else acme/rocket) and which
 * panel it waits for: `--kind`, else `org` for `/NAME` and `repo` otherwise; `--kind none` for a
 * page without a panel (an issue page).
 */
export function profiledPage(): { url: string; kind: 'repo' | 'org' | 'none' } {
  const url = argv.find((a) => a.startsWith('https://')) ?? 'https://github.com/acme/rocket';
  const kind = (option('kind') ?? (/github\.com\/[^/]+\/?$/.test(url) ? 'org' : 'repo')) as 'repo' | 'org' | 'none';
  return { url, kind };
}
