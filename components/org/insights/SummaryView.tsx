import { SectionData } from '../../kit';
import { compareInsights, formatChange, formatNumber, formatPercent, rateLimitedShare, roundShare } from '../../../utils/metrics';
import { DELAY_SENTENCE } from './labels';
import type { SummaryData } from './useSummary';

interface SummaryRow {
  measure: string;
  current: number | null;
  previous: number | null;
  change: string;
}

function summaryRows(data: SummaryData): SummaryRow[] {
  const prev = data.previous;
  const c = prev ? compareInsights(data.current, prev) : null;
  return [
    { measure: 'Requests', current: data.current.totalRequests, previous: prev?.totalRequests ?? null, change: c ? changeText(c.total) : '' },
    {
      measure: 'Rate-limited requests',
      current: data.current.rateLimitedRequests,
      previous: prev?.rateLimitedRequests ?? null,
      change: c ? changeText(c.rateLimited) : '',
    },
    {
      measure: 'Rate-limited share',
      current: roundShare(rateLimitedShare(data.current)),
      previous: roundShare(c?.rateLimitedShare.previous),
      change:
        c && c.rateLimitedShare.current !== null && c.rateLimitedShare.previous !== null
          ? `${formatPercentPoints(c.rateLimitedShare.current - c.rateLimitedShare.previous)}`
          : '',
    },
  ];
}

/** `+12%`, `new` (none before), or `0%` when both are zero (nothing changed). */
function changeText(comparison: { current: number; previous: number; change: number | null }): string {
  return comparison.current === 0 && comparison.previous === 0 ? '0%' : formatChange(comparison.change);
}

/** A difference of two shares, in percentage points: `+1.2 pp`. */
function formatPercentPoints(diff: number): string {
  const points = Math.round(diff * 1000) / 10;
  if (points === 0) return '0 pp';
  return `${points > 0 ? '+' : '\u2212'}${Math.abs(points)} pp`;
}

function previousNote(data: SummaryData, previousLabel: string, format: (prev: number) => string, prevValue: number | null, change: string): string {
  switch (data.previousProblem) {
    case 'too-old':
      return 'No comparison: GitHub keeps only 31 days';
    case 'loading':
      return `Comparing with ${previousLabel}…`;
    case 'failed':
      return `Could not load ${previousLabel}`;
    default:
      if (prevValue === null) return `none in ${previousLabel}`;
      if (prevValue === 0) return change === 'new' ? `new: none in ${previousLabel}` : `none in ${previousLabel} either`;
      return `${change} vs ${previousLabel} (${format(prevValue)})`;
  }
}

/** A fraction as a percentage with two decimals, for the table and CSV (0.01234 → 1.23). */
function percentOf(fraction: number | null): number | null {
  return fraction === null ? null : Math.round(fraction * 10_000) / 100;
}

function shareText(value: number | null): string {
  return value === null ? '—' : formatPercent(value);
}

/** Requests, rate-limited requests and their share, each against the previous window. */
export function SummaryView({
  data,
  previousLabel,
  section,
  subject,
}: {
  data: SummaryData;
  previousLabel: string;
  section: string;
  subject: string;
}) {
  const rows = summaryRows(data);
  const [total, limited, share] = rows as [SummaryRow, SummaryRow, SummaryRow];
  const stats = [
    { key: 'total-requests', label: 'Requests', value: formatNumber(data.current.totalRequests), note: previousNote(data, previousLabel, formatNumber, total.previous, total.change) },
    {
      key: 'rate-limited-requests',
      label: 'Rate-limited requests',
      value: formatNumber(data.current.rateLimitedRequests),
      note: previousNote(data, previousLabel, formatNumber, limited.previous, limited.change),
    },
    {
      key: 'rate-limited-share',
      label: 'Rate-limited share',
      value: shareText(share.current),
      note:
        share.current === null
          ? 'No requests in this window'
          : share.previous === 0 && share.current === 0
            ? `0% in ${previousLabel} too`
            : previousNote(data, previousLabel, (v) => formatPercent(v), share.previous, share.change),
    },
  ];
  return (
    <>
      <dl class="sb-headline sb-org-stats">
        {stats.map((stat) => (
          <div class="sb-stat" key={stat.key} data-stat={stat.key}>
            <dt>{stat.label}</dt>
            <dd>
              {stat.value}
              <span class="sb-delta">{stat.note}</span>
            </dd>
          </div>
        ))}
      </dl>
      {data.current.totalRequests === 0 ? <p class="sb-summary">{DELAY_SENTENCE}</p> : null}
      <SectionData
        section={section}
        subject={subject}
        json={data}
        table={{
          caption: `Totals for this window and ${previousLabel}`,
          columns: [
            { header: 'Measure', value: 'measure' },
            { header: 'This window', value: (r) => r.current, numeric: true },
            { header: 'Previous window', value: (r) => r.previous, numeric: true },
            { header: 'Change', value: 'change' },
          ],
          rows: rows.map((r) =>
            r.measure === 'Rate-limited share'
              ? { ...r, measure: 'Rate-limited share (%)', current: percentOf(r.current), previous: percentOf(r.previous) }
              : r,
          ),
        }}
      />
    </>
  );
}
