import { breadcrumb, type Drill } from './drill';

/** Org › user › actor: every crumb but the current one goes back up (from the cache). */
export function Breadcrumb({ org, drill, go }: { org: string; drill: Drill; go(drill: Drill): void }) {
  const crumbs = breadcrumb(org, drill);
  return (
    <nav class="sb-breadcrumb" aria-label="Drill-down" data-breadcrumb>
      <ol>
        {crumbs.map((crumb, i) => (
          <li key={i}>
            {crumb.target ? (
              <button type="button" class="sb-crumb" onClick={() => go(crumb.target!)}>
                {crumb.label}
              </button>
            ) : (
              <span class="sb-crumb-current" aria-current="location">
                {crumb.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
