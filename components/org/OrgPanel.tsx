import { useEffect, useState } from 'preact/hooks';
import { panelState, PanelShell, StateMessage } from '../kit';
import { formatDateTime, insightsWindow, type InsightsPreset } from '../../utils/metrics';
import { PRESET_LABELS } from './insights/labels';
import type { NoAccessReason, QueryState, Snapshot } from '../../utils/protocol';
import { writeOrgTab } from '../../utils/page/panelSettings';
import type { StatboardClient } from '../../utils/statboardClient';
import { ActivitySection } from './activity/ActivitySection';
import { AccessHelp, accessLine } from './AccessHelp';
import { OrgTabs, type OrgTab } from './OrgTabs';
import { useSummary } from './insights/useSummary';
import type { InsightsViewProps } from './insights/InsightsView';
import { loadInsightsPart, type InsightsViewComponent } from './insightsPart';
import type { WindowChoice } from './insights/WindowControls';

export interface OrgPanelProps {
  client: StatboardClient;
  /** the page host, e.g. `github.com` */
  host: string;
  org: string;
  /** false on GitHub Enterprise Server, which has no API Insights */
  supported: boolean;
  defaultWindow: InsightsPreset;
  utcTimes: boolean;
  /** the user's remembered choice */
  initialCollapsed: boolean;
  /** the view last chosen, for those who have API Insights */
  initialTab?: OrgTab;
  /** how many repositories Activity counts (preference, 5..30) */
  activityRepos?: number;
  /** whether the viewer has a token for this host (`token.status`, asked alongside the settings) */
  hasToken: boolean;
}

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

/** Whether insights answer for this viewer: unknown until the probe (or the token status) tells. */
type InsightsAccess = { kind: 'unknown' } | { kind: 'available' } | { kind: 'none'; reason: NoAccessReason | undefined; status?: number };

function insightsAccess(supported: boolean, hasToken: boolean | null, summary: Snapshot<unknown>): InsightsAccess {
  if (!supported) return { kind: 'none', reason: 'unsupported-host' };
  // Without a token GitHub never shows API Insights: no request is spent to hear it say so.
  if (hasToken === false) return { kind: 'none', reason: 'no-token' };
  if (hasToken === null || summary.state === 'loading') return { kind: 'unknown' };
  if (summary.state === 'no-access') return { kind: 'none', reason: summary.meta.reason, status: summary.meta.status };
  // Answered, or a passing problem (rate limit, 5xx, offline) that the insights view shows with
  // its retry: only a refusal means there are none.
  return { kind: 'available' };
}

/**
 * The organization panel: Activity for every visitor and, for those whose token reads the org's
 * API Insights, a second view with them (tabs in the header, the choice remembered). Without
 * insights, one quiet line says why, with what it takes behind a toggle.
 */
export function OrgPanel(props: OrgPanelProps) {
  const { client, host, org, supported, hasToken } = props;
  // Never chosen: API Insights for those who have them (they set a token up for them), else Activity.
  const [tab, setTab] = useState<OrgTab | undefined>(props.initialTab);
  const [choice, setChoice] = useState<WindowChoice>(() => presetChoice(props.defaultWindow));
  const [utc, setUtc] = useState(props.utcTimes);
  const target = { host, org };

  // The org's own totals decide whether the insights view exists; the summary section shows the
  // same subscription (one watch, not one here and one there).
  const summary = useSummary(client, target, { type: 'org' }, choice.window, supported && hasToken === true);
  const access = insightsAccess(supported, hasToken, summary.snapshot);
  const shown: OrgTab | 'deciding' =
    access.kind === 'available' ? (tab ?? 'insights') : access.kind === 'unknown' && tab !== 'activity' ? 'deciding' : 'activity';
  const choose = (next: OrgTab) => {
    setTab(next);
    // Storage gone (extension reloaded): the choice is just not kept.
    writeOrgTab(next).catch(() => undefined);
  };
  const [activityState, setActivityState] = useState<QueryState>('loading');
  const state: QueryState = shown === 'insights' ? panelState([summary.snapshot.state]) : shown === 'deciding' ? 'loading' : activityState;

  return (
    <PanelShell
      kind="org"
      client={client}
      host={host}
      title="Organization statistics"
      subtitle={shown === 'insights' ? subtitle(choice, utc) : 'Commits in the last 52 weeks'}
      state={state}
      initialCollapsed={props.initialCollapsed}
      tabs={access.kind === 'available' && shown !== 'deciding' ? <OrgTabs tab={shown} onTab={choose} /> : null}
    >
      {shown === 'deciding' ? (
        // Whether insights answer decides the first view: a moment's skeleton, not a view that swaps.
        <Skeleton />
      ) : null}
      <div id="sb-org-activity" role={access.kind === 'available' ? 'tabpanel' : undefined} aria-labelledby={access.kind === 'available' ? 'sb-tab-activity' : undefined} hidden={shown !== 'activity'}>
        {shown === 'activity' ? (
          <>
            <ActivitySection
              client={client}
              host={host}
              org={org}
              count={props.activityRepos ?? 10}
              withPeople={hasToken === true}
              onState={setActivityState}
            />
            {access.kind === 'none' ? <InsightsNote access={access} org={org} /> : null}
          </>
        ) : null}
      </div>
      {access.kind === 'available' ? (
        <div id="sb-org-insights" role="tabpanel" aria-labelledby="sb-tab-insights" hidden={shown !== 'insights'}>
          {shown === 'insights' ? (
            <InsightsPart
              client={client}
              host={host}
              org={org}
              summary={summary}
              choice={choice}
              setChoice={setChoice}
              choosePreset={(preset) => setChoice(presetChoice(preset))}
              utc={utc}
              setUtc={setUtc}
            />
          ) : null}
        </div>
      ) : null}
    </PanelShell>
  );
}

/** The one quiet line about API Insights for those without them, and what it takes. */
function InsightsNote({ access, org }: { access: Extract<InsightsAccess, { kind: 'none' }>; org: string }) {
  const [open, setOpen] = useState(false);
  const line = accessLine(access.reason);
  return (
    <div class="sb-insights-note" data-insights-note={access.reason ?? 'problem'}>
      <p class="sb-count">
        {line}.{' '}
        <button type="button" class="sb-btn sb-btn-invisible" aria-expanded={open} onClick={() => setOpen(!open)} data-action="insights-help">
          {open ? 'Hide' : 'What API Insights need'}
        </button>
      </p>
      {open ? <AccessHelp reason={access.reason} org={org} status={access.status} /> : null}
    </div>
  );
}

/** A moment's skeleton while the first view is decided or the insights part loads. */
function Skeleton() {
  return (
    <div class="sb-state" aria-busy="true" style={{ minHeight: '240px', padding: '12px 0' }}>
      <span class="sb-visually-hidden">Loading…</span>
      <div class="sb-skeleton" style={{ height: '224px' }} />
    </div>
  );
}

/** The API Insights view, from the part injected on first use (insightsPart.ts). */
function InsightsPart(props: InsightsViewProps) {
  const [part, setPart] = useState<{ View: InsightsViewComponent } | { failed: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadInsightsPart(props.client).then(
      (View) => live && setPart({ View }),
      (error: unknown) => live && setPart({ failed: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  if (!part) return <Skeleton />;
  if ('failed' in part) {
    const retry = () => {
      setPart(null);
      setAttempt(attempt + 1);
    };
    return <StateMessage snapshot={{ state: 'error', meta: { retryable: true, message: part.failed } }} onRetry={retry} what="API Insights" minHeight={240} />;
  }
  return <part.View {...props} />;
}

/**
 * Whether the viewer has a token for this host (`token.status`, answered by the background
 * without the token itself). No answer: taken as no token.
 */
export function hasTokenFor(client: StatboardClient, host: string): Promise<boolean> {
  return client
    .command({ type: 'token.status', host })
    .then((status) => !!status && status.status !== 'missing')
    .catch(() => false);
}
