import type { ComponentChildren } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import type { QueryState } from '../../utils/protocol';
import { writeCollapsed } from '../../utils/page/panelSettings';
import type { StatboardClient } from '../../utils/statboardClient';
import { PanelContext } from './context';
import { Icon } from './icons';

export interface PanelShellProps {
  /** `data-statboard`: `repo` or `org` (also the key of the remembered collapsed state, see readCollapsed) */
  kind: 'repo' | 'org';
  client: StatboardClient;
  /** the page host, e.g. `github.com` */
  host: string;
  title: string;
  /** e.g. "as of 10:42" */
  subtitle?: string;
  /** the panel's overall state (see `panelState`) */
  state: QueryState;
  /** read before mounting so a collapsed panel never flashes open */
  initialCollapsed?: boolean;
  /** header controls: pin button, window picker... */
  actions?: ComponentChildren;
  /** a tab list for the panel's views, in the header (its height never changes) */
  tabs?: ComponentChildren;
  children: ComponentChildren;
}

/** The panel root: a Box with a header (title, subtitle, actions, collapse toggle) and a body. */
export function PanelShell(props: PanelShellProps) {
  const { kind, client, host, title, subtitle, state, actions, tabs, children } = props;
  const [collapsed, setCollapsed] = useState(props.initialCollapsed ?? false);
  const bodyId = useId();
  const titleId = useId();
  const context = useMemo(() => ({ client, host }), [client, host]);

  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    // Storage gone (extension reloaded): the choice is just not kept.
    writeCollapsed(kind, next).catch(() => undefined);
  };

  return (
    <PanelContext.Provider value={context}>
      <div
        class="sb-panel"
        data-statboard={kind}
        data-state={state}
        data-collapsed={String(collapsed)}
        role="region"
        aria-labelledby={titleId}
      >
        <div class="sb-header">
          <h2 class="sb-title" id={titleId}>
            {title}
            {/* Always one line tall, so the header does not grow when "as of" arrives. */}
            <span class="sb-subtitle">{subtitle ?? '\u00a0'}</span>
          </h2>
          {collapsed ? null : tabs}
          <div class="sb-actions">
            {collapsed ? null : actions}
            <button
              type="button"
              class="sb-btn sb-btn-invisible sb-btn-icon"
              aria-expanded={!collapsed}
              aria-controls={bodyId}
              aria-label={collapsed ? `Expand ${title}` : `Collapse ${title}`}
              title={collapsed ? 'Expand' : 'Collapse'}
              onClick={toggle}
              data-action="collapse"
            >
              <Icon name="chevronDown" />
            </button>
          </div>
        </div>
        <div class="sb-body" id={bodyId} hidden={collapsed}>
          {children}
        </div>
      </div>
    </PanelContext.Provider>
  );
}
