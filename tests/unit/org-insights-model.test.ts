import { describe, expect, it } from 'vitest';
import { ORG_LEVEL, breadcrumb, drillFromActor, drillFromSubject, isActorType, listOf, scopeOf, type Drill, type DrillUser } from '../../components/org/insights/drill';
import { PER_PAGE, ariaSort, combineStates, defaultDirection, isIncrementRefusal, listQuery, summaryQuery, timeQuery, toggleSort, type InsightsRange, type ListView } from '../../components/org/insights/queries';
import { MAX_CHOSEN_POINTS, MIN_CUSTOM_MS, customWindow, parseDateTimeInput, pickableIncrements, toDateTimeInput } from '../../components/org/insights/windowInput';
import { PRESET_LABELS, incrementLabel, kindLabel, previousLabel, routeParts, tickLabel, timeSeriesSentence } from '../../components/org/insights/labels';
import { INCREMENTS, type InsightsWindow, type InsightsWindowResult } from '../../utils/metrics/insights';
import {
  ACTOR_TYPES,
  ROUTE_SORT_FIELDS,
  SUBJECT_SORT_FIELDS,
  type InsightsActor,
  type InsightsSubject,
  type QueryState,
} from '../../utils/protocol';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const TARGET = { host: 'github.com', org: 'octo-org' };
const RANGE: InsightsRange = { minTimestamp: '2026-03-03T00:00:00Z', maxTimestamp: '2026-03-10T00:00:00Z' };

function subject(subjectType: string, subjectId: number, subjectName: string): InsightsSubject {
  return { subjectType, subjectId, subjectName, totalRequests: 1, rateLimitedRequests: 0, lastRateLimitedAt: null, lastRequestAt: null };
}

function actor(actorType: string, actorId: number, actorName: string): InsightsActor {
  return {
    actorType,
    actorId,
    actorName,
    integrationId: null,
    oauthApplicationId: null,
    totalRequests: 1,
    rateLimitedRequests: 0,
    lastRateLimitedAt: null,
    lastRequestAt: null,
  };
}

const MONA: DrillUser = { id: '583231', name: 'mona' };
const USER_LEVEL: Drill = { level: 'user', user: MONA };
const CI_APP: Drill = { level: 'actor', actor: { type: 'installation', id: 77, name: 'ci-bot' } };
const MONA_PAT: Drill = { level: 'actor', user: MONA, actor: { type: 'fine_grained_pat', id: 9, name: 'deploy token' } };

function ok(result: InsightsWindowResult): InsightsWindow {
  if (!result.ok) throw new Error(`expected a window, got: ${result.error}`);
  return result.window;
}

function error(result: InsightsWindowResult): string {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.window)}`);
  return result.error;
}

// ---------------------------------------------------------------------------------------------

describe('drill-down model', () => {
  it('knows the five actor types of the API and nothing else', () => {
    for (const type of ['installation', 'classic_pat', 'fine_grained_pat', 'oauth_app', 'github_app_user_to_server']) {
      expect(isActorType(type), type).toBe(true);
    }
    for (const type of ['user', 'User', 'bot', '', 'INSTALLATION']) expect(isActorType(type), type).toBe(false);
  });

  it('drills from a user subject to the user level, the id as a string', () => {
    expect(drillFromSubject(subject('user', 583231, 'mona'))).toEqual({ level: 'user', user: { id: '583231', name: 'mona' } });
  });

  it('drills from an app subject straight to that actor', () => {
    for (const type of ACTOR_TYPES) {
      expect(drillFromSubject(subject(type, 77, 'ci-bot'))).toEqual({ level: 'actor', actor: { type, id: 77, name: 'ci-bot' } });
    }
  });

  it('cannot drill into other subject types', () => {
    expect(drillFromSubject(subject('organization', 1, 'x'))).toBeNull();
    expect(drillFromSubject(subject('enterprise', 1, 'x'))).toBeNull();
  });

  it('drills from a user actor row to the actor, keeping the user for the breadcrumb', () => {
    expect(drillFromActor(actor('fine_grained_pat', 9, 'deploy token'), MONA)).toEqual(MONA_PAT);
    expect(drillFromActor(actor('something_new', 9, 'x'), MONA)).toBeNull();
  });

  it('gives each level its scope', () => {
    expect(scopeOf(ORG_LEVEL)).toEqual({ type: 'org' });
    expect(scopeOf(USER_LEVEL)).toEqual({ type: 'user', userId: '583231' });
    expect(scopeOf(CI_APP)).toEqual({ type: 'actor', actorType: 'installation', actorId: 77 });
    expect(scopeOf(MONA_PAT)).toEqual({ type: 'actor', actorType: 'fine_grained_pat', actorId: 9 });
  });

  it('gives each level its list report and section', () => {
    expect(listOf(ORG_LEVEL)).toEqual({ report: 'subjects', section: 'subjects' });
    expect(listOf(USER_LEVEL)).toEqual({ report: 'user-actors', section: 'actors' });
    expect(listOf(CI_APP)).toEqual({ report: 'routes', section: 'routes' });
  });
});

describe('breadcrumb', () => {
  it('org level: one crumb, the current place, leading nowhere', () => {
    expect(breadcrumb('octo-org', ORG_LEVEL)).toEqual([{ label: 'octo-org', target: null }]);
    expect(ORG_LEVEL).toEqual({ level: 'org' });
  });

  it('user level: org leads back up', () => {
    expect(breadcrumb('octo-org', USER_LEVEL)).toEqual([
      { label: 'octo-org', target: ORG_LEVEL },
      { label: 'mona', target: null },
    ]);
  });

  it('actor reached through a user: org › user › actor', () => {
    expect(breadcrumb('octo-org', MONA_PAT)).toEqual([
      { label: 'octo-org', target: ORG_LEVEL },
      { label: 'mona', target: { level: 'user', user: MONA } },
      { label: 'deploy token', target: null },
    ]);
  });

  it('actor reached from the subjects table: org › actor', () => {
    expect(breadcrumb('octo-org', CI_APP)).toEqual([
      { label: 'octo-org', target: ORG_LEVEL },
      { label: 'ci-bot', target: null },
    ]);
  });

  it('does not change the drill it was given', () => {
    const drill: Drill = { level: 'actor', user: { ...MONA }, actor: { type: 'oauth_app', id: 3, name: 'app' } };
    const copy = structuredClone(drill);
    breadcrumb('octo-org', drill);
    expect(drill).toEqual(copy);
  });

  it('going back up re-asks exactly the queries of the way down', () => {
    const view: ListView = { sort: 'total_request_count', direction: 'desc', filter: '' };
    const down = drillFromSubject(subject('user', 583231, 'mona'));
    if (!down) throw new Error('no drill');
    const deeper = drillFromActor(actor('classic_pat', 5, 'old token'), down.level === 'user' ? down.user : MONA);
    if (!deeper) throw new Error('no drill');
    const [orgCrumb, userCrumb] = breadcrumb('octo-org', deeper);
    expect(userCrumb?.target).not.toBeNull();
    expect(listQuery(TARGET, userCrumb!.target!, RANGE, view, 1)).toEqual(listQuery(TARGET, down, RANGE, view, 1));
    expect(summaryQuery(TARGET, scopeOf(userCrumb!.target!), RANGE)).toEqual(summaryQuery(TARGET, scopeOf(down), RANGE));
    expect(listQuery(TARGET, orgCrumb!.target!, RANGE, view, 1)).toEqual(listQuery(TARGET, ORG_LEVEL, RANGE, view, 1));
  });
});

// ---------------------------------------------------------------------------------------------

describe('query builders', () => {
  it('summary: org, scope and both timestamps, nothing else', () => {
    expect(summaryQuery(TARGET, { type: 'org' }, RANGE)).toStrictEqual({
      kind: 'org-insights',
      host: 'github.com',
      org: 'octo-org',
      report: 'summary',
      scope: { type: 'org' },
      minTimestamp: '2026-03-03T00:00:00Z',
      maxTimestamp: '2026-03-10T00:00:00Z',
    });
  });

  it('time: the same plus the increment', () => {
    expect(timeQuery(TARGET, scopeOf(CI_APP), RANGE, '1h')).toStrictEqual({
      kind: 'org-insights',
      host: 'github.com',
      org: 'octo-org',
      report: 'time',
      scope: { type: 'actor', actorType: 'installation', actorId: 77 },
      minTimestamp: '2026-03-03T00:00:00Z',
      maxTimestamp: '2026-03-10T00:00:00Z',
      increment: '1h',
    });
  });

  it('a window object with more keys (fromMs, toMs) does not leak them into the query key', () => {
    const window: InsightsWindow = { ...RANGE, fromMs: Date.UTC(2026, 2, 3), toMs: Date.UTC(2026, 2, 10) };
    expect(summaryQuery(TARGET, { type: 'org' }, window)).toStrictEqual(summaryQuery(TARGET, { type: 'org' }, RANGE));
    expect(timeQuery(TARGET, { type: 'org' }, window, '5m')).toStrictEqual(timeQuery(TARGET, { type: 'org' }, RANGE, '5m'));
    const view: ListView = { sort: 'subject_name', direction: 'asc', filter: '' };
    expect(listQuery(TARGET, ORG_LEVEL, window, view, 1)).toStrictEqual(listQuery(TARGET, ORG_LEVEL, RANGE, view, 1));
  });

  it('list at the org level: subjects, every parameter', () => {
    const view: ListView = { sort: 'rate_limited_request_count', direction: 'desc', filter: 'mon' };
    expect(listQuery(TARGET, ORG_LEVEL, RANGE, view, 3)).toStrictEqual({
      kind: 'org-insights',
      host: 'github.com',
      org: 'octo-org',
      report: 'subjects',
      scope: { type: 'org' },
      minTimestamp: '2026-03-03T00:00:00Z',
      maxTimestamp: '2026-03-10T00:00:00Z',
      page: 3,
      perPage: 100,
      sort: ['rate_limited_request_count'],
      direction: 'desc',
      filter: 'mon',
    });
  });

  it('list at the user level: that user\'s actors', () => {
    const query = listQuery(TARGET, USER_LEVEL, RANGE, { sort: 'subject_name', direction: 'asc', filter: '' }, 1);
    expect(query.report).toBe('user-actors');
    expect(query.scope).toEqual({ type: 'user', userId: '583231' });
    expect(query.sort).toEqual(['subject_name']);
    expect(query.direction).toBe('asc');
    expect(query.page).toBe(1);
  });

  it('list at the actor level: that actor\'s routes', () => {
    const query = listQuery(TARGET, MONA_PAT, RANGE, { sort: 'api_route', direction: 'asc', filter: '/repos/' }, 2);
    expect(query.report).toBe('routes');
    expect(query.scope).toEqual({ type: 'actor', actorType: 'fine_grained_pat', actorId: 9 });
    expect(query.filter).toBe('/repos/');
    expect(query.page).toBe(2);
  });

  it('asks for the most a page may hold (per_page ≤ 100)', () => {
    expect(PER_PAGE).toBe(100);
    for (const drill of [ORG_LEVEL, USER_LEVEL, CI_APP]) {
      expect(listQuery(TARGET, drill, RANGE, { sort: 'total_request_count', direction: 'desc', filter: '' }, 1).perPage).toBe(100);
    }
  });

  it('trims the filter and leaves an empty one out of the key', () => {
    const view = (filter: string): ListView => ({ sort: 'total_request_count', direction: 'desc', filter });
    expect(listQuery(TARGET, ORG_LEVEL, RANGE, view('  mona  '), 1).filter).toBe('mona');
    for (const blank of ['', '   ', '\t\n']) {
      const query = listQuery(TARGET, ORG_LEVEL, RANGE, view(blank), 1);
      expect('filter' in query, JSON.stringify(blank)).toBe(false);
      expect(query).toStrictEqual(listQuery(TARGET, ORG_LEVEL, RANGE, view(''), 1));
    }
  });

  it('list queries never carry an increment, summary queries no list parameters', () => {
    const list = listQuery(TARGET, ORG_LEVEL, RANGE, { sort: 'total_request_count', direction: 'desc', filter: '' }, 1);
    expect('increment' in list).toBe(false);
    const summary = summaryQuery(TARGET, { type: 'org' }, RANGE);
    for (const key of ['page', 'perPage', 'sort', 'direction', 'filter', 'increment']) expect(key in summary, key).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

describe('sorting', () => {
  it('names go A→Z, counts and times most-first', () => {
    for (const field of ['subject_name', 'api_route', 'http_method']) expect(defaultDirection(field), field).toBe('asc');
    for (const field of ['total_request_count', 'rate_limited_request_count', 'last_request_timestamp', 'last_rate_limited_timestamp']) {
      expect(defaultDirection(field), field).toBe('desc');
    }
  });

  it('every API sort field has a direction', () => {
    for (const field of [...SUBJECT_SORT_FIELDS, ...ROUTE_SORT_FIELDS]) expect(['asc', 'desc']).toContain(defaultDirection(field));
  });

  it('clicking the sorted column flips the direction, keeping the filter', () => {
    const view: ListView = { sort: 'total_request_count', direction: 'desc', filter: 'x' };
    expect(toggleSort(view, 'total_request_count')).toEqual({ sort: 'total_request_count', direction: 'asc', filter: 'x' });
    expect(toggleSort(toggleSort(view, 'total_request_count'), 'total_request_count')).toEqual(view);
  });

  it('clicking another column starts at its default direction', () => {
    const view: ListView = { sort: 'total_request_count', direction: 'asc', filter: 'x' };
    expect(toggleSort(view, 'subject_name')).toEqual({ sort: 'subject_name', direction: 'asc', filter: 'x' });
    expect(toggleSort({ ...view, sort: 'subject_name' }, 'last_request_timestamp')).toEqual({
      sort: 'last_request_timestamp',
      direction: 'desc',
      filter: 'x',
    });
  });

  it('aria-sort: only the sorted column has a direction; unsortable columns none at all', () => {
    const view: ListView = { sort: 'api_route', direction: 'asc', filter: '' };
    expect(ariaSort(view, 'api_route')).toBe('ascending');
    expect(ariaSort({ ...view, direction: 'desc' }, 'api_route')).toBe('descending');
    expect(ariaSort(view, 'http_method')).toBe('none');
    expect(ariaSort(view, undefined)).toBeUndefined();
    expect(ariaSort(view, '')).toBeUndefined();
  });
});

describe('states', () => {
  it('the problem a user must act on first, then working, then ready', () => {
    expect(combineStates(['ready', 'loading', 'no-access', 'error'])).toBe('no-access');
    expect(combineStates(['error', 'rate-limited'])).toBe('rate-limited');
    expect(combineStates(['too-large', 'error'])).toBe('error');
    expect(combineStates(['computing', 'too-large'])).toBe('too-large');
    expect(combineStates(['loading', 'computing'])).toBe('computing');
    expect(combineStates(['ready', 'loading', 'empty'])).toBe('loading');
  });

  it('empty only when every part is empty', () => {
    expect(combineStates(['empty', 'empty'])).toBe('empty');
    expect(combineStates(['empty', 'ready'])).toBe('ready');
    expect(combineStates(['ready'])).toBe('ready');
    expect(combineStates([])).toBe('ready');
  });

  it('400 and 422 errors are increment refusals; other answers are not', () => {
    expect(isIncrementRefusal('error', 422)).toBe(true);
    expect(isIncrementRefusal('error', 400)).toBe(true);
    expect(isIncrementRefusal('error', 500)).toBe(false);
    expect(isIncrementRefusal('error', undefined)).toBe(false);
    const others: QueryState[] = ['no-access', 'rate-limited', 'ready', 'loading'];
    for (const state of others) expect(isIncrementRefusal(state, 422), state).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

describe('window texts', () => {
  it('preset and comparison labels', () => {
    expect(PRESET_LABELS).toEqual({ '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' });
    expect(previousLabel('24h')).toBe('the previous 24 hours');
    expect(previousLabel('7d')).toBe('the previous 7 days');
    expect(previousLabel('30d')).toBe('the previous 30 days');
    expect(previousLabel('custom')).toBe('the previous period of the same length');
  });

  it('interval labels', () => {
    expect(incrementLabel('5m')).toBe('every 5 minutes');
    expect(incrementLabel('1h')).toBe('every hour');
    expect(incrementLabel('6h')).toBe('every 6 hours');
    expect(incrementLabel('1d')).toBe('every day');
    for (const increment of INCREMENTS) expect(incrementLabel(increment)).toMatch(/^every \S/);
  });
});

/**
 * Runs `body` with the machine in another time zone (Node re-reads process.env.TZ when it is
 * set), so local-time code cannot pass by accident on a UTC machine; restores the zone after,
 * removing TZ again when it was not set.
 */
function inTimeZone(zone: string, body: () => void): void {
  const original = process.env.TZ;
  process.env.TZ = zone;
  try {
    body();
  } finally {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  }
}

describe('date-time inputs', () => {
  it('reads a datetime-local value as UTC', () => {
    expect(parseDateTimeInput('2026-03-03T14:05', true)).toBe(Date.UTC(2026, 2, 3, 14, 5));
    expect(parseDateTimeInput('2026-03-03T14:05:30', true)).toBe(Date.UTC(2026, 2, 3, 14, 5, 30));
    expect(parseDateTimeInput('  2026-03-03T14:05 ', true)).toBe(Date.UTC(2026, 2, 3, 14, 5));
  });

  it('reads a datetime-local value as local time', () => {
    inTimeZone('America/New_York', () => {
      // UTC-5 in January, UTC-4 in July (daylight saving)
      expect(new Date(Date.UTC(2026, 0, 10)).getTimezoneOffset()).toBe(300);
      expect(parseDateTimeInput('2026-01-10T08:30', false)).toBe(Date.UTC(2026, 0, 10, 13, 30));
      expect(parseDateTimeInput('2026-07-10T08:30:15', false)).toBe(Date.UTC(2026, 6, 10, 12, 30, 15));
      expect(parseDateTimeInput('2026-01-10T21:00', false)).toBe(Date.UTC(2026, 0, 11, 2, 0));
    });
    inTimeZone('Asia/Tokyo', () => {
      // UTC+9: the local evening is the UTC morning, the local early morning the UTC day before
      expect(parseDateTimeInput('2026-01-10T08:30', false)).toBe(Date.UTC(2026, 0, 9, 23, 30));
    });
  });

  it('is NaN when empty or malformed', () => {
    for (const value of ['', '2026-03-03', '2026-03-03 14:05', '14:05', '2026-3-3T14:05', '2026-03-03T14:05Z', 'soon']) {
      expect(parseDateTimeInput(value, true), value).toBeNaN();
    }
  });

  it('writes an instant back, to the minute, padded', () => {
    expect(toDateTimeInput(Date.UTC(2026, 2, 3, 4, 5, 59), true)).toBe('2026-03-03T04:05');
    expect(toDateTimeInput(Date.UTC(2026, 11, 31, 23, 59), true)).toBe('2026-12-31T23:59');
    const ms = Date.UTC(2026, 0, 10, 8, 30);
    inTimeZone('Asia/Tokyo', () => {
      expect(toDateTimeInput(ms, false)).toBe('2026-01-10T17:30');
      expect(toDateTimeInput(Date.UTC(2026, 11, 31, 20, 5), false)).toBe('2027-01-01T05:05');
      expect(parseDateTimeInput(toDateTimeInput(ms, false), false)).toBe(ms);
    });
  });
});

describe('customWindow', () => {
  const NOW = Date.UTC(2026, 2, 10, 12, 0, 30); // 2026-03-10T12:00:30Z
  // earliest start: 31 days before NOW, 2026-02-07T12:00:30Z

  it('gives the window asked for', () => {
    expect(ok(customWindow('2026-03-01T00:00', '2026-03-02T06:30', true, NOW))).toEqual({
      minTimestamp: '2026-03-01T00:00:00Z',
      maxTimestamp: '2026-03-02T06:30:00Z',
      fromMs: Date.UTC(2026, 2, 1),
      toMs: Date.UTC(2026, 2, 2, 6, 30),
    });
  });

  it('needs both inputs', () => {
    expect(error(customWindow('', '2026-03-02T06:30', true, NOW))).toBe('Enter both a start and an end date and time.');
    expect(error(customWindow('2026-03-01T00:00', 'x', true, NOW))).toBe('Enter both a start and an end date and time.');
  });

  it('needs the start before the end', () => {
    expect(error(customWindow('2026-03-02T00:00', '2026-03-02T00:00', true, NOW))).toBe('The start must be before the end.');
    expect(error(customWindow('2026-03-02T00:01', '2026-03-02T00:00', true, NOW))).toBe('The start must be before the end.');
  });

  it('allows the minute that holds now (clamped to now), not the one after', () => {
    const window = ok(customWindow('2026-03-10T11:00', '2026-03-10T12:01', true, NOW));
    expect(window.maxTimestamp).toBe('2026-03-10T12:00:30Z');
    expect(window.toMs).toBe(NOW);
    expect(error(customWindow('2026-03-10T11:00', '2026-03-10T12:02', true, NOW))).toBe('The end cannot be in the future.');
  });

  it('refuses a start older than GitHub keeps, naming the earliest start', () => {
    expect(error(customWindow('2026-02-07T11:59', '2026-02-08T00:00', true, NOW))).toBe(
      'API Insights keeps the last 31 days: the start must be after Feb 7, 2026 12:00 UTC.',
    );
  });

  it('allows the minute that holds the earliest start, clamped to it', () => {
    const window = ok(customWindow('2026-02-07T12:00', '2026-02-08T00:00', true, NOW));
    expect(window.minTimestamp).toBe('2026-02-07T12:00:30Z');
    expect(window.fromMs).toBe(Date.UTC(2026, 1, 7, 12, 0, 30));
  });

  it('needs at least 5 minutes', () => {
    expect(MIN_CUSTOM_MS).toBe(5 * MIN);
    expect(error(customWindow('2026-03-01T00:00', '2026-03-01T00:04', true, NOW))).toBe('Pick a range of at least 5 minutes.');
    expect(ok(customWindow('2026-03-01T00:00', '2026-03-01T00:05', true, NOW)).maxTimestamp).toBe('2026-03-01T00:05:00Z');
  });

  it('reads local inputs in local time and always sends UTC', () => {
    const now = Date.UTC(2026, 0, 20, 12, 0);
    inTimeZone('America/New_York', () => {
      // 08:00 in New York in January is 13:00 UTC
      expect(ok(customWindow('2026-01-10T08:00', '2026-01-12T08:00', false, now))).toEqual({
        minTimestamp: '2026-01-10T13:00:00Z',
        maxTimestamp: '2026-01-12T13:00:00Z',
        fromMs: Date.UTC(2026, 0, 10, 13, 0),
        toMs: Date.UTC(2026, 0, 12, 13, 0),
      });
      // the same text read as UTC is five hours earlier
      expect(ok(customWindow('2026-01-10T08:00', '2026-01-12T08:00', true, now)).minTimestamp).toBe('2026-01-10T08:00:00Z');
    });
  });
});

describe('pickableIncrements', () => {
  it('all intervals fit the longest window (31 days of 5-minute buckets)', () => {
    expect(pickableIncrements(31 * DAY)).toEqual([...INCREMENTS]);
  });

  it('drops intervals that would give more than MAX_CHOSEN_POINTS points, inclusive limit', () => {
    expect(MAX_CHOSEN_POINTS).toBe(10_000);
    expect(pickableIncrements(10_000 * 5 * MIN)).toContain('5m');
    const longer = pickableIncrements(10_000 * 5 * MIN + 1);
    expect(longer).not.toContain('5m');
    expect(longer[0]).toBe('10m');
    expect(pickableIncrements(10_000 * DAY + 1)).toEqual([]);
  });
});

describe('timeSeriesSentence', () => {
  const T = Date.UTC(2026, 2, 3, 14, 0);
  const points = [
    { time: T, totalRequests: 10, rateLimitedRequests: 1 },
    { time: T + HOUR, totalRequests: 30, rateLimitedRequests: 2 },
    { time: T + 2 * HOUR, totalRequests: 5, rateLimitedRequests: 0 },
  ];

  it('says so when there are no points', () => {
    expect(timeSeriesSentence([], '1h', true)).toBe('No requests in this window.');
  });

  it('names the span, the totals and the busiest bucket', () => {
    expect(timeSeriesSentence(points, '1h', true)).toBe(
      'Requests every hour from Mar 3, 2026 14:00 UTC to Mar 3, 2026 17:00 UTC: 45 in all, 3 rate limited. ' +
        'Busiest: 30 requests from Mar 3, 2026 15:00 UTC.',
    );
  });

  it('ends at the window end when it falls inside the last bucket, never after the last bucket', () => {
    expect(timeSeriesSentence(points, '1h', true, T + 2 * HOUR + 30 * MIN)).toContain('to Mar 3, 2026 16:30 UTC:');
    expect(timeSeriesSentence(points, '1h', true, T + 5 * HOUR)).toContain('to Mar 3, 2026 17:00 UTC:');
  });

  it('the first of equal peaks is the busiest; no busiest bucket when all are zero', () => {
    const tie = [
      { time: T, totalRequests: 7, rateLimitedRequests: 0 },
      { time: T + HOUR, totalRequests: 7, rateLimitedRequests: 0 },
    ];
    expect(timeSeriesSentence(tie, '1h', true)).toContain('Busiest: 7 requests from Mar 3, 2026 14:00 UTC.');
    const zeros = tie.map((p) => ({ ...p, totalRequests: 0 }));
    expect(timeSeriesSentence(zeros, '1h', true)).toBe(
      'Requests every hour from Mar 3, 2026 14:00 UTC to Mar 3, 2026 16:00 UTC: 0 in all, 0 rate limited.',
    );
  });

  it('groups thousands', () => {
    expect(timeSeriesSentence([{ time: T, totalRequests: 12_345, rateLimitedRequests: 1_000 }], '1d', true)).toBe(
      'Requests every day from Mar 3, 2026 14:00 UTC to Mar 4, 2026 14:00 UTC: 12,345 in all, 1,000 rate limited. ' +
        'Busiest: 12,345 requests from Mar 3, 2026 14:00 UTC.',
    );
  });
});

describe('tickLabel', () => {
  const ms = Date.UTC(2026, 2, 3, 14, 5);

  it('time of day for windows up to 2 days, the date beyond', () => {
    expect(tickLabel(ms, DAY, true)).toBe('14:05');
    expect(tickLabel(ms, 2 * DAY, true)).toBe('14:05');
    expect(tickLabel(ms, 2 * DAY + 1, true)).toBe('Mar 3');
    expect(tickLabel(ms, 30 * DAY, true)).toBe('Mar 3');
  });
});

describe('names', () => {
  it('subject and actor types in GitHub\'s words; unknown types as sent', () => {
    expect(kindLabel('user')).toBe('User');
    expect(kindLabel('installation')).toBe('GitHub App');
    expect(kindLabel('classic_pat')).toBe('Personal access token (classic)');
    expect(kindLabel('fine_grained_pat')).toBe('Fine-grained personal access token');
    expect(kindLabel('oauth_app')).toBe('OAuth app');
    expect(kindLabel('github_app_user_to_server')).toBe('GitHub App for a user');
    expect(kindLabel('new_kind')).toBe('new_kind');
  });

  it('every actor type has its own label', () => {
    for (const type of ACTOR_TYPES) expect(kindLabel(type), type).not.toBe(type);
  });

  it('routes split after each slash and join back unchanged', () => {
    expect(routeParts('/repos/{owner}/{repo}/issues')).toEqual(['/', 'repos/', '{owner}/', '{repo}/', 'issues']);
    expect(routeParts('/user')).toEqual(['/', 'user']);
    expect(routeParts('/orgs/{org}/')).toEqual(['/', 'orgs/', '{org}/']);
    const route = '/repos/{owner}/{repo}/actions/runs/{run_id}';
    expect(routeParts(route).join('')).toBe(route);
  });
});
