import { useRef } from 'preact/hooks';

export type OrgTab = 'activity' | 'insights';

const TABS: { id: OrgTab; label: string }[] = [
  { id: 'activity', label: 'Activity' },
  { id: 'insights', label: 'API Insights' },
];

/**
 * The org panel's two views as WAI-ARIA tabs: one tab stop (the selected tab), arrow keys,
 * Home and End move and select (automatic activation: each view is already on the page or cached).
 */
export function OrgTabs({ tab, onTab }: { tab: OrgTab; onTab(tab: OrgTab): void }) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % TABS.length
      : event.key === 'ArrowLeft' ? (index - 1 + TABS.length) % TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? TABS.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    onTab(TABS[next]!.id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div ref={list} class="sb-tabs" role="tablist" aria-label="Organization views" onKeyDown={onKeyDown}>
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`sb-tab-${t.id}`}
          class="sb-tab"
          aria-selected={t.id === tab}
          aria-controls={`sb-org-${t.id}`}
          tabIndex={t.id === tab ? 0 : -1}
          onClick={() => onTab(t.id)}
          data-tab={t.id}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
