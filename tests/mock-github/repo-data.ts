/**
 * Repository scenarios: a spec (what a test can tweak) and the stats GitHub would answer for it.
 * All five stats are derived from one table of per-contributor weekly commits, so they agree with
 * each other the way GitHub's do: commit_activity and participation are the last 52 weeks of the
 * same commits, punch_card days add up to commit_activity's day columns.
 */
import { apportion, fakeSha, hash, poisson, prng, unit, weekStart, WEEK_S } from './random';

export interface ContributorSpec {
  /** null: a commit author GitHub cannot map to a user (the API answers `author: null`) */
  login: string | null;
  id: number;
  type: 'User' | 'Bot';
  /** mean commits per active week */
  weeklyCommits: number;
  /** weeks ago the contributor started and stopped (0 = this week) */
  firstWeekAgo: number;
  lastWeekAgo: number;
}

export interface RepoSpec {
  owner: string;
  name: string;
  id: number;
  private: boolean;
  description: string;
  defaultBranch: string;
  /** how many 202 `{}` answers each cold computed endpoint gives before its 200 */
  computeAttempts: number;
  /** no commits: 204 for the stats that have data, 52 zeros for participation, 409 for HEAD */
  empty: boolean;
  /** 10,000+ commits: 422 for code_frequency, 0 additions/deletions in contributors */
  tooLarge: boolean;
  /** history length in weeks, ending with the current (partial) week */
  weeks: number;
  contributors: ContributorSpec[];
  /** whose commits `participation.owner` counts (GitHub: the repository owner) */
  participationOwner: string;
  seed: number;
  stars: number;
  language: string;
  /** a fork of another repository (listed by `/orgs/{org}/repos`) */
  fork: boolean;
  archived: boolean;
  /** hours before `now` of the last push to any branch (`pushed_at`) */
  pushedHoursAgo: number;
}

/** GitHub's contributor entry, as the API answers it. */
export interface ApiContributor {
  author: Record<string, unknown> | null;
  total: number;
  weeks: { w: number; a: number; d: number; c: number }[];
}

export interface RepoStatsAnswers {
  code_frequency: [number, number, number][];
  commit_activity: { days: number[]; total: number; week: number }[];
  contributors: ApiContributor[];
  participation: { all: number[]; owner: number[] };
  punch_card: [number, number, number][];
}

export type StatsEndpoint = keyof RepoStatsAnswers;
export const STATS_ENDPOINTS: readonly StatsEndpoint[] = [
  'code_frequency',
  'commit_activity',
  'contributors',
  'participation',
  'punch_card',
];
/** The endpoints GitHub computes in a background job (202 while it runs). */
export const COMPUTED_ENDPOINTS: readonly StatsEndpoint[] = ['code_frequency', 'commit_activity', 'contributors'];

export interface RepoData {
  spec: RepoSpec;
  fullName: string;
  /** default-branch head; changes on push */
  headSha: string;
  /** bumped by every push */
  version: number;
  /** weekly commits per contributor (rows follow spec.contributors), weeks oldest first */
  weekStarts: number[];
  commits: number[][];
  additions: number[][];
  deletions: number[][];
  answers: RepoStatsAnswers;
}

// Commits by weekday (Sunday first) and by hour: a team in Europe and the Americas, quiet weekends.
const WEEKDAY_WEIGHTS = [0.25, 1.15, 1.3, 1.25, 1.2, 0.85, 0.3];
const WORKDAY_HOURS = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 4, 7, 9, 9, 7, 8, 9, 9, 8, 7, 5, 4, 3, 3, 2, 1.5];
const WEEKEND_HOURS = [1, 0.8, 0.5, 0.3, 0.2, 0.2, 0.3, 0.5, 1, 1.5, 2, 2.5, 3, 3, 3, 3, 3, 3, 2.5, 2.5, 2.5, 2, 1.5, 1.2];

const FIRST_NAMES = [
  'octo-lead', 'mona', 'hubot', 'lea-k', 'sam-dev', 'priya-r', 'jonas', 'mei', 'carlos-m', 'aisha', 'tomasz',
  'yuki-t', 'femi', 'ines', 'noah-b', 'olga', 'raj', 'sofia-l', 'ben', 'kwame', 'elena', 'hiro', 'zoe-c', 'ali',
  'marta', 'dmitri', 'grace-h', 'leo', 'nia', 'pablo', 'ruth', 'sven', 'tara', 'umar', 'vera', 'wen', 'xavier',
  'yara', 'zane', 'amir', 'bea', 'cyrus', 'dana', 'eli', 'fatima', 'gus', 'hana', 'ivan', 'jade', 'kai',
];

/** A contributor list: a few core maintainers, a long tail, a bot and one unmapped author. */
export function makeContributors(count: number, weeks: number, seed: number): ContributorSpec[] {
  const rand = prng(seed);
  const people: ContributorSpec[] = [];
  const humans = Math.max(1, count - 2);
  for (let i = 0; i < humans; i++) {
    const base = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const login = i < FIRST_NAMES.length ? base : `${base}-${Math.floor(i / FIRST_NAMES.length)}`;
    const core = i < 4;
    const span = core ? weeks : Math.max(4, Math.floor(weeks * (0.1 + rand() * 0.6)));
    const first = core ? weeks - 1 : Math.floor(span + rand() * (weeks - span));
    people.push({
      login,
      id: 1000 + i * 37 + Math.floor(rand() * 30),
      type: 'User',
      weeklyCommits: core ? 4 + rand() * 6 : 0.2 + rand() * 1.5,
      firstWeekAgo: Math.min(weeks - 1, first),
      lastWeekAgo: core ? 0 : Math.max(0, first - span),
    });
  }
  people.push({ login: 'dependabot[bot]', id: 49699333, type: 'Bot', weeklyCommits: 2.5, firstWeekAgo: Math.min(weeks - 1, 120), lastWeekAgo: 0 });
  people.push({ login: null, id: 0, type: 'User', weeklyCommits: 0.3, firstWeekAgo: weeks - 1, lastWeekAgo: Math.floor(weeks / 2) });
  return people;
}

export function makeRepoSpec(partial: Partial<RepoSpec> & Pick<RepoSpec, 'owner' | 'name'>): RepoSpec {
  const seed = partial.seed ?? hash(partial.owner, partial.name);
  const weeks = partial.weeks ?? 156;
  const contributors = partial.contributors ?? makeContributors(40, weeks, seed);
  return {
    id: 100_000 + (seed % 900_000),
    private: false,
    description: `${partial.name}: a project of ${partial.owner}`,
    defaultBranch: 'main',
    computeAttempts: 0,
    empty: false,
    tooLarge: false,
    participationOwner: partial.owner,
    stars: 100 + (seed % 5000),
    language: 'TypeScript',
    fork: false,
    archived: false,
    pushedHoursAgo: 2,
    ...partial,
    weeks,
    contributors,
    seed,
  };
}

/** The built-in repositories (see README.md). */
export function builtInRepoSpecs(): RepoSpec[] {
  const rocketContributors = makeContributors(40, 156, 7);
  return [
    makeRepoSpec({
      owner: 'acme', name: 'rocket', seed: 7, weeks: 156, contributors: rocketContributors,
      description: 'Fast, typed launch pipelines for web apps', stars: 4_218,
      // GitHub counts the owner account's commits; for an organization that is usually nobody.
      // The lead maintainer stands in so the series is not flat.
      participationOwner: rocketContributors[0]!.login!,
    }),
    makeRepoSpec({
      owner: 'acme', name: 'monolith', seed: 11, weeks: 800, contributors: makeContributors(100, 800, 11),
      description: 'The big one: sixteen years of history', stars: 23_901, language: 'Java',
    }),
    makeRepoSpec({ owner: 'acme', name: 'empty', seed: 13, empty: true, weeks: 1, contributors: [], description: 'Nothing here yet' }),
    makeRepoSpec({ owner: 'acme', name: 'secret', seed: 17, private: true, weeks: 60, contributors: makeContributors(8, 60, 17), description: 'Internal tools' }),
    makeRepoSpec({
      owner: 'acme', name: 'huge', seed: 19, tooLarge: true, weeks: 400,
      contributors: makeContributors(60, 400, 19).map((c) => ({ ...c, weeklyCommits: c.weeklyCommits * 4 })),
      description: 'More than 10,000 commits', stars: 9_876, language: 'C++',
    }),
    ...orbitRepoSpecs(),
    makeRepoSpec({ owner: 'hollow', name: 'vault', seed: 23, private: true, weeks: 30, contributors: makeContributors(3, 30, 23), description: 'Private only' }),
  ];
}

/**
 * Organization `orbit`: 14 public repositories with different activity (one busy, a long tail,
 * one pushed recently with no default-branch commits in a year), two forks and one archived
 * repository among them, pushed at distinct times. Forks and archived left out, 11 remain; the
 * default rule counts the 10 most recently pushed, so `old-site` (pushed last) is not counted.
 */
export function orbitRepoSpecs(): RepoSpec[] {
  const repo = (name: string, pushedHoursAgo: number, people: number, scale: number, extra: Partial<RepoSpec> = {}): RepoSpec => {
    const seed = hash('orbit', name);
    const contributors = makeContributors(people, 104, seed).map((c) => ({ ...c, weeklyCommits: c.weeklyCommits * scale }));
    return makeRepoSpec({ owner: 'orbit', name, seed, weeks: 104, contributors, pushedHoursAgo, description: `Orbit's ${name}`, ...extra });
  };
  const dormant = makeContributors(4, 104, 99).map((c) => ({ ...c, firstWeekAgo: 100, lastWeekAgo: 60 }));
  return [
    repo('launchpad', 1, 24, 1.6, { language: 'Go' }),
    repo('telemetry', 3, 12, 0.8),
    repo('linux-fork', 4, 30, 2, { fork: true, language: 'C' }),
    repo('guidance', 6, 8, 0.6, { language: 'Rust' }),
    repo('docs', 9, 16, 0.3, { language: 'MDX' }),
    repo('thrusters', 14, 6, 0.5, { language: 'C++' }),
    repo('legacy-app', 20, 10, 1, { archived: true, language: 'PHP' }),
    repo('payload', 30, 5, 0.4),
    repo('ground-station', 50, 9, 0.7, { language: 'Python' }),
    repo('chart-fork', 70, 4, 0.5, { fork: true }),
    repo('sim', 90, 3, 0.3, { language: 'Julia' }),
    makeRepoSpec({ owner: 'orbit', name: 'archive-tools', seed: 99, weeks: 104, contributors: dormant, pushedHoursAgo: 120, description: 'Quiet for a year' }),
    repo('heatshield', 200, 4, 0.2),
    repo('old-site', 7000, 5, 0.4, { language: 'HTML' }),
  ];
}

/** Builds the commit table and the five answers for a spec at time `nowMs`. */
export function buildRepo(spec: RepoSpec, nowMs: number): RepoData {
  const current = weekStart(Math.floor(nowMs / 1000));
  const weekStarts = Array.from({ length: spec.weeks }, (_, i) => current - (spec.weeks - 1 - i) * WEEK_S);
  const rand = prng(spec.seed ^ 0x5eed);
  const commits: number[][] = [];
  const additions: number[][] = [];
  const deletions: number[][] = [];
  for (const person of spec.contributors) {
    const c: number[] = [];
    const a: number[] = [];
    const d: number[] = [];
    for (let i = 0; i < spec.weeks; i++) {
      const weeksAgo = spec.weeks - 1 - i;
      const active = !spec.empty && weeksAgo <= person.firstWeekAgo && weeksAgo >= person.lastWeekAgo;
      // Holidays are quiet; some weeks people are away.
      const season = (weekStarts[i]! / WEEK_S) % 52 > 50 ? 0.2 : 1;
      const n = active && rand() > 0.15 ? poisson(rand, person.weeklyCommits * season) : 0;
      const perCommit = person.type === 'Bot' ? 3 + rand() * 10 : 10 + rand() * 140;
      const add = Math.round(n * perCommit);
      c.push(n);
      a.push(add);
      d.push(Math.round(add * (0.15 + rand() * 0.6)));
    }
    commits.push(c);
    additions.push(a);
    deletions.push(d);
  }
  const data: RepoData = {
    spec,
    fullName: `${spec.owner}/${spec.name}`,
    headSha: fakeSha(spec.owner, spec.name, 0),
    version: 0,
    weekStarts,
    commits,
    additions,
    deletions,
    answers: undefined as unknown as RepoStatsAnswers,
  };
  data.answers = deriveAnswers(data);
  return data;
}

/** A push to the default branch: new head, a few more commits this week, answers recomputed. */
export function pushCommits(data: RepoData): void {
  data.version++;
  data.headSha = fakeSha(data.spec.owner, data.spec.name, data.version);
  const last = data.weekStarts.length - 1;
  if (data.spec.contributors.length > 0 && last >= 0) {
    const who = data.version % data.spec.contributors.length;
    const n = 1 + (data.version % 3);
    data.commits[who]![last]! += n;
    data.additions[who]![last]! += 40 * n;
    data.deletions[who]![last]! += 12 * n;
  }
  data.answers = deriveAnswers(data);
}

export function simpleUser(login: string, id: number, type: 'User' | 'Bot' | 'Organization' = 'User'): Record<string, unknown> {
  const api = `https://api.github.com/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: Buffer.from(`04:${type}${id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `https://github.com/${encodeURIComponent(login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

function deriveAnswers(data: RepoData): RepoStatsAnswers {
  const { spec, weekStarts, commits, additions, deletions } = data;
  const weeks = weekStarts.length;
  const weekTotals = weekStarts.map((_, i) => commits.reduce((sum, row) => sum + row[i]!, 0));

  // Day split per week: weekday weights with per-week jitter, exact totals.
  const dayCounts = weekStarts.map((w, i) =>
    apportion(weekTotals[i]!, WEEKDAY_WEIGHTS.map((x, day) => x * (0.7 + 0.6 * unit(spec.seed, w, day)))),
  );

  const last52 = Array.from({ length: 52 }, (_, k) => weeks - 52 + k);
  const current = weekStarts[weeks - 1] ?? weekStart(Date.now() / 1000);
  const commit_activity = last52.map((i, k) => ({
    week: current - (51 - k) * WEEK_S,
    total: i >= 0 ? weekTotals[i]! : 0,
    days: i >= 0 ? dayCounts[i]! : [0, 0, 0, 0, 0, 0, 0],
  }));

  const ownerRow = spec.contributors.findIndex((c) => c.login === spec.participationOwner);
  const participation = {
    all: last52.map((i) => (i >= 0 ? weekTotals[i]! : 0)),
    owner: last52.map((i) => (i >= 0 && ownerRow >= 0 ? commits[ownerRow]![i]! : 0)),
  };

  const code_frequency: [number, number, number][] = weekStarts.map((w, i) => [
    w,
    additions.reduce((sum, row, r) => sum + (commits[r]![i]! > 0 ? row[i]! : 0), 0),
    -deletions.reduce((sum, row, r) => sum + (commits[r]![i]! > 0 ? row[i]! : 0), 0),
  ]);

  const contributors: ApiContributor[] = spec.contributors
    .map((person, r) => ({
      author: person.login === null ? null : simpleUser(person.login, person.id, person.type),
      total: commits[r]!.reduce((a, b) => a + b, 0),
      weeks: weekStarts.map((w, i) => ({
        w,
        a: spec.tooLarge || commits[r]![i] === 0 ? 0 : additions[r]![i]!,
        d: spec.tooLarge || commits[r]![i] === 0 ? 0 : deletions[r]![i]!,
        c: commits[r]![i]!,
      })),
    }))
    .filter((c) => c.total > 0)
    // GitHub lists contributors by total commits, smallest first.
    .sort((x, y) => x.total - y.total);

  const punch_card: [number, number, number][] = [];
  for (let day = 0; day < 7; day++) {
    const dayTotal = dayCounts.reduce((sum, days) => sum + days[day]!, 0);
    const hours = apportion(dayTotal, day === 0 || day === 6 ? WEEKEND_HOURS : WORKDAY_HOURS);
    hours.forEach((n, hour) => punch_card.push([day, hour, n]));
  }
  return { code_frequency, commit_activity, contributors, participation, punch_card };
}

/** Unix seconds of the current week's Sunday, as the mock sees `nowMs`. */
export function currentWeek(nowMs: number): number {
  return weekStart(Math.floor(nowMs / 1000));
}

