import { Fragment, type ComponentChild } from 'preact';
import type { TableColumn } from '../../kit';
import { formatDateTime, formatPercent, rateLimitedShare, roundShare } from '../../../utils/metrics';
import type { InsightsActor, InsightsRoute, InsightsSubject } from '../../../utils/protocol';
import { kindLabel, routeParts } from './labels';

/** The lists' columns: the CSV value (raw), the cell as shown, and the API sort field if any. */

type Counted = { totalRequests: number; rateLimitedRequests: number; lastRequestAt: string | null; lastRateLimitedAt: string | null };

function time(iso: string | null, utc: boolean): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatDateTime(ms, { utc });
}

/** The counting columns every list shares. */
function countColumns<T extends Counted>(utc: boolean): TableColumn<T>[] {
  return [
    { header: 'Requests', value: (r) => r.totalRequests, numeric: true, sortField: 'total_request_count' },
    { header: 'Rate limited', value: (r) => r.rateLimitedRequests, numeric: true, sortField: 'rate_limited_request_count' },
    {
      header: 'Rate-limited share',
      numeric: true,
      value: (r) => roundShare(rateLimitedShare(r)),
      cell: (r) => {
        const share = rateLimitedShare(r);
        return share === null ? '—' : formatPercent(share);
      },
    },
    { header: 'Last request', value: (r) => r.lastRequestAt, sortField: 'last_request_timestamp', cell: (r) => time(r.lastRequestAt, utc) },
    {
      header: 'Last rate limited',
      value: (r) => r.lastRateLimitedAt,
      sortField: 'last_rate_limited_timestamp',
      cell: (r) => time(r.lastRateLimitedAt, utc),
    },
  ];
}

/** A name that leads further down, as a button (API text stays a text node). */
function drillName(name: string, onDrill: (() => void) | null, label: string): ComponentChild {
  if (!onDrill) return <span class="sb-name">{name}</span>;
  return (
    <button type="button" class="sb-drill" onClick={onDrill} title={label}>
      {name}
    </button>
  );
}

export function subjectColumns(utc: boolean, drillTo: (row: InsightsSubject) => (() => void) | null): TableColumn<InsightsSubject>[] {
  return [
    {
      header: 'Name',
      value: 'subjectName',
      wrap: true,
      sortField: 'subject_name',
      cell: (r) => drillName(r.subjectName, drillTo(r), r.subjectType === 'user' ? 'Show this user’s tokens and apps' : 'Show this app’s routes'),
    },
    { header: 'Type', value: 'subjectType', wrap: true, cell: (r) => kindLabel(r.subjectType) },
    { header: 'ID', value: 'subjectId', cell: (r) => String(r.subjectId) },
    ...countColumns<InsightsSubject>(utc),
  ];
}

export function actorColumns(utc: boolean, drillTo: (row: InsightsActor) => (() => void) | null): TableColumn<InsightsActor>[] {
  return [
    // user-stats sorts actors with the subject fields: `subject_name` is the actor's name.
    { header: 'Name', value: 'actorName', wrap: true, sortField: 'subject_name', cell: (r) => drillName(r.actorName, drillTo(r), 'Show the routes it called') },
    { header: 'Type', value: 'actorType', wrap: true, cell: (r) => kindLabel(r.actorType) },
    { header: 'ID', value: 'actorId', cell: (r) => String(r.actorId) },
    ...countColumns<InsightsActor>(utc),
  ];
}

export function routeColumns(utc: boolean): TableColumn<InsightsRoute>[] {
  return [
    { header: 'Method', value: 'httpMethod', sortField: 'http_method', cell: (r) => <code class="sb-code">{r.httpMethod}</code> },
    { header: 'Route', value: 'apiRoute', wrap: true, sortField: 'api_route', cell: (r) => <RouteText route={r.apiRoute} /> },
    ...countColumns<InsightsRoute>(utc),
  ];
}

/** A route as text with break opportunities after each `/` (still text nodes only). */
function RouteText({ route }: { route: string }) {
  return (
    <code class="sb-code sb-route">
      {routeParts(route).map((part, i) => (
        <Fragment key={i}>
          {part}
          <wbr />
        </Fragment>
      ))}
    </code>
  );
}
