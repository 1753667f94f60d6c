import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Increment, InsightsPreset, InsightsWindow } from '../../../utils/metrics';
import { listOf, ORG_LEVEL, type Drill } from './drill';
import { previousLabel } from './labels';
import { type ListView } from './queries';
import type { StatboardClient } from '../../../utils/statboardClient';
import { Breadcrumb } from './Breadcrumb';
import type { SummaryResult } from './useSummary';
import { ORG_SECTIONS, type ListSection, type OrgSectionProps } from './sections';
import { WindowControls, type WindowChoice } from './WindowControls';

const DEFAULT_VIEW: ListView = { sort: 'total_request_count', direction: 'desc', filter: '' };

export interface InsightsViewProps {
  client: StatboardClient;
  /** the page host, e.g. `github.com` */
  host: string;
  org: string;
  /** the organization's totals (the panel watches them once: they also decide whether this view exists) */
  summary: SummaryResult;
  choice: WindowChoice;
  setChoice(choice: WindowChoice): void;
  /** a preset window, made from the clock when chosen */
  choosePreset(preset: InsightsPreset): void;
  utc: boolean;
  setUtc(utc: boolean): void;
}

/**
 * Organization API Insights. The window is fixed when chosen (not re-read on every render), so
 * each query keeps one key: drilling down and back re-watches the same keys, which the engine
 * answers from its cache.
 */
export function InsightsView(props: InsightsViewProps) {
  const { client, host, org, summary, choice, setChoice, choosePreset, utc, setUtc } = props;
  const target = { host, org };
  const [increment, setIncrement] = useState<Increment | 'auto'>('auto');
  const [drill, setDrill] = useState<Drill>(ORG_LEVEL);
  const [views, setViews] = useState<Record<ListSection, ListView>>({
    subjects: DEFAULT_VIEW,
    actors: DEFAULT_VIEW,
    routes: DEFAULT_VIEW,
  });
  const body = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

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

  return (
    <div ref={body}>
      <WindowControls
        choice={choice}
        onPreset={choosePreset}
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
  );
}
