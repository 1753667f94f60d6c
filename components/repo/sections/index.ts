import { REPO_STATS } from '../../../utils/protocol';
import type { RepoSection } from '../types';

/**
 * Every repository section, in the statistic table's order (utils/github/repoStatistics.ts). The
 * section files are found by Vite at build time (each exports its `RepoSection`), so adding a
 * statistic touches the table and its new section file, not a list here.
 */
const modules = import.meta.glob<Record<string, unknown>>('./*.tsx', { eager: true });

const byStat = new Map<string, RepoSection>();
for (const exports of Object.values(modules)) {
  for (const value of Object.values(exports)) {
    if (value && typeof value === 'object' && 'id' in value && 'View' in value) byStat.set(String(value.id), value as RepoSection);
  }
}

export const SECTIONS: readonly RepoSection[] = REPO_STATS.map((stat) => {
  const section = byStat.get(stat);
  // A statistic without a section file is a build mistake: fail every test at once, not silently.
  if (!section) throw new Error(`components/repo/sections: no section file for the statistic "${stat}"`);
  return section;
});
