import { REPO_STATS } from '../../../utils/protocol';
import type { RepoSection } from '../types';

/**
 * Every repository section, in the statistic table's order (utils/github/repoStatistics.ts). Vite
 * finds the section files at build time (each default-exports its `RepoSection`; the same static
 * imports as a list), so adding a statistic touches the table and its new section file only.
 */
const found = Object.values(import.meta.glob<RepoSection>('./*.tsx', { eager: true, import: 'default' }));

export const SECTIONS: readonly RepoSection[] = REPO_STATS.map((stat) => {
  const section = found.find((s) => s?.id === stat);
  // A statistic without a section file is a build mistake: every test fails at once.
  if (!section) throw new Error(`no section file for ${stat}`);
  return section;
});
