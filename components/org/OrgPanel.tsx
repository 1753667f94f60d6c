import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { PanelShell } from '../kit';
import { formatDateTime, insightsWindow, type Increment, type InsightsPreset, type InsightsWindow } from '../../utils/metrics';
import {
  listOf,
  ORG_LEVEL,
  previousLabel,
  PRESET_LABELS,
  type Drill,
  type ListView,
} from '../../utils/metrics/insightsDrilldown';
import type { NoAccessReason, QueryState } from '../../utils/protocol';
import type { StatboardClient } from '../../utils/statboardClient';
import { AccessHelp, accessLine } from './AccessHelp';
import { Breadcrumb } from './Breadcrumb';
import { useSummary } from './hooks';
import { ORG_SECTIONS, type ListSection, type OrgSectionProps } from './sections';
import { WindowControls, type WindowChoice } from './WindowControls';

export interface OrgPanelProps {
  client: StatboardClient;
  /** the page host, e.g. `github.com` */
  host: string;
  org: string;
  /** false on GitHub Enterprise Server, which has no API Insights */
  supported: boolean;
  defaultWindow: InsightsPreset;
  utcTimes: boolean;
  /** the user's remembered choice (an inaccessible panel starts collapsed regardless) */
  initialCollapsed: boolean;
}

const DEFAULT_VIEW: ListView = { sort: 'total_request_count', direction: 'desc', filter: '' };

function presetChoice(preset: InsightsPreset): WindowChoice {
  const result = insightsWindow(preset, Date.now());
  if (!result.ok) throw new Error(result.error); // presets are always valid
  return { kind: preset, window: result.window };
}

function subtitle(choice: WindowChoice, utc: boolean): string {
  const label = choice.kind === 'custom' ? 'Custom range' : PRESET_LABELS[choice.kind];
  const from = formatDateTime(choice.window.fromMs, { utc });
  const to = formatDateTime(choice.window.toMs, { utc });
  return `${label}: ${from} – ${to}`;
}

/**
 * Organization API Insights on the org profile. The window is fixed when chosen (not re-read
 * on every render), so each query keeps one key: drilling down and back re-watches the same
 * keys, which the engine answers from its cache.
 */
export function OrgPanel(props: OrgPanelProps) {
  const { client, host, org, supported } = props;
  const target = { host, org };
  const [choice, setChoice] = useState<WindowChoice>(() => presetChoice(props.defaultWindow));
  const [utc, setUtc] = useState(props.utcTimes);
  const [increment, setIncrement] = useState<Increment | 'auto'>('auto');
  const [drill, setDrill] = useState<Drill>(ORG_LEVEL);
  const [views, setViews] = useState<Record<ListSection, ListView>>({
    subjects: DEFAULT_VIEW,
    actors: DEFAULT_VIEW,
    routes: DEFAULT_VIEW,
  });
  const body = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  // The org's own totals decide access for the whole panel; the summary section shows the same
  // subscription (one watch, not one here and one there).
  const summary = useSummary(client, target, { type: 'org' }, choice.window, supported);
  const access = supported ? summary.snapshot : { state: 'no-access' as const, meta: { reason: 'unsupported-host' as const } };
  const reason = useAccessReason(client, host, access.state === 'no-access' ? access.meta.reason : undefined);

  const go = (next: Drill) => {
    const list = listOf(next).section;
    // A different user or actor starts unfiltered; going back up keeps the filter it had.
    if (JSON.stringify(next) !== JSON.stringify(drill) && next.level !== 'org') {
      setViews((prev) => ({ ...prev, [list]: { ...prev[list], filter: '' } }));
    }
    moved.current = true;
    setDrill(next);
  };

  // After a drill step, focus lands on the heading of the list now shown.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const heading = body.current?.querySelector<HTMLElement>(`[data-section="${listOf(drill).section}"] .sb-section-title`);
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [drill]);

  if (access.state === 'no-access') {
    return (
      <PanelShell
        key="no-access"
        kind="org"
        client={client}
        host={host}
        title="API Insights"
        subtitle={accessLine(reason)}
        state="no-access"
        initialCollapsed
      >
        <AccessHelp reason={reason} org={org} status={access.meta.status} />
      </PanelShell>
    );
  }

  const sectionProps: OrgSectionProps = {
    client,
    target,
    drill,
    choice,
    orgSummary: summary,
    previousLabel: previousLabel(choice.kind),
    utc,
    increment,
    view: (list) => views[list],
    setView: (list, view) => setViews((prev) => ({ ...prev, [list]: view })),
    go,
  };
  const state: QueryState = access.state;

  return (
    <PanelShell
      key="insights"
      kind="org"
      client={client}
      host={host}
      title="API Insights"
      subtitle={subtitle(choice, utc)}
      state={state}
      initialCollapsed={props.initialCollapsed}
    >
      <div ref={body}>
        <WindowControls
          choice={choice}
          onPreset={(preset) => setChoice(presetChoice(preset))}
          onCustom={(window: InsightsWindow) => setChoice({ kind: 'custom', window })}
          increment={increment}
          onIncrement={setIncrement}
          utc={utc}
          onUtc={setUtc}
        />
        {ORG_SECTIONS.filter((entry) => entry.levels.includes(drill.level)).map(({ id, Component }) => (
          <Fragment key={id}>
            {id === listOf(drill).section && drill.level !== 'org' ? <Breadcrumb org={org} drill={drill} go={go} /> : null}
            <Component {...sectionProps} />
          </Fragment>
        ))}
      </div>
    </PanelShell>
  );
}

/**
 * GitHub answers 401 both for a rejected token and for none at all; when the answer says
 * `bad-token`, the token's status tells which, so a visitor without a token is not told theirs
 * was rejected.
 */
function useAccessReason(client: StatboardClient, host: string, reason: NoAccessReason | undefined): NoAccessReason | undefined {
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (reason !== 'bad-token') return;
    let live = true;
    client
      .command({ type: 'token.status', host })
      .then((status) => live && setMissing(status?.status === 'missing'))
      .catch(() => undefined); // no answer: keep the engine's reason
    return () => {
      live = false;
    };
  }, [client, host, reason]);
  return reason === 'bad-token' && missing ? 'no-token' : reason;
}
