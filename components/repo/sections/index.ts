import type { RepoSection } from '../types';
import { codeFrequency } from './codeFrequency';
import { commitActivity } from './commitActivity';
import { contributors } from './contributors';
import { participation } from './participation';
import { punchCard } from './punchCard';

/** Every repository section, in display order. Adding a section touches this list only. */
export const SECTIONS: readonly RepoSection[] = [
  commitActivity,
  codeFrequency,
  contributors,
  participation,
  punchCard,
] as unknown as readonly RepoSection[];
