import { useEffect, useState } from 'preact/hooks';
import type { StatboardClient } from '../../utils/statboardClient';
import { REPO_STATISTICS } from '../../utils/github/repoStatistics';
import { REPO_STATS } from '../../utils/protocol';
import { getPreferences, preferencesItem, type OrgWindowPreset, type Preferences } from '../../utils/settings';
import { formatNumber } from '../../utils/metrics/format';

const WINDOWS: Record<OrgWindowPreset, string> = { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' };

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function NumberField(props: { label: string; name: keyof Preferences; value: number; min: number; max: number; unit: string; onSave(value: number): void }) {
  const id = `sb-pref-${props.name}`;
  return (
    <div class="sb-field">
      <label for={id}>{props.label}</label>
      <span class="sb-row">
        <input
          id={id}
          class="sb-input sb-number"
          type="number"
          name={props.name}
          min={props.min}
          max={props.max}
          value={props.value}
          onChange={(e) => {
            const value = Number((e.target as HTMLInputElement).value);
            // Out-of-range input snaps to the nearest allowed value instead of being lost.
            if (Number.isFinite(value)) props.onSave(Math.min(props.max, Math.max(props.min, Math.round(value))));
          }}
        />
        <span class="sb-muted">{props.unit}</span>
      </span>
    </div>
  );
}

export function PreferencesSection({ client }: { client: StatboardClient }) {
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [cache, setCache] = useState<{ bytes: number; entries: number; unavailable?: string } | null>(null);
  const [cacheNote, setCacheNote] = useState<string | null>(null);

  useEffect(() => {
    void getPreferences().then(setPrefs);
    return preferencesItem.watch(() => void getPreferences().then(setPrefs));
  }, []);
  const loadSize = () => client.command({ type: 'cache.size' }).then(setCache, () => setCacheNote('The cache size is not available right now.'));
  useEffect(() => void loadSize(), [client]);

  if (!prefs) return null;
  const save = (patch: Partial<Preferences>) => {
    const next = { ...prefs, ...patch };
    setPrefs(next);
    void preferencesItem.setValue(next);
  };
  const clear = async () => {
    await client.command({ type: 'cache.clear' });
    setCacheNote('The cache is cleared; panels will fetch fresh numbers.');
    await loadSize();
  };

  return (
    <>
      <section class="sb-box" aria-labelledby="sb-prefs-title">
        <h2 id="sb-prefs-title">Preferences</h2>
        <fieldset class="sb-choice">
          <legend>Repository sections to show</legend>
          {REPO_STATS.map((stat) => (
            <label key={stat}>
              <input
                type="checkbox"
                name={`section-${stat}`}
                checked={prefs.repoSections[stat]}
                onChange={(e) => save({ repoSections: { ...prefs.repoSections, [stat]: (e.target as HTMLInputElement).checked } })}
              />{' '}
              {REPO_STATISTICS[stat].title}
            </label>
          ))}
        </fieldset>
        <div class="sb-field">
          <label for="sb-pref-window">Organization window shown first</label>
          <select id="sb-pref-window" class="sb-input" name="defaultOrgWindow" value={prefs.defaultOrgWindow} onChange={(e) => save({ defaultOrgWindow: (e.target as HTMLSelectElement).value as OrgWindowPreset })}>
            {Object.entries(WINDOWS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <label class="sb-check">
          <input type="checkbox" name="showBots" checked={prefs.showBots} onChange={(e) => save({ showBots: (e.target as HTMLInputElement).checked })} /> Show bots among contributors
        </label>
        <label class="sb-check">
          <input type="checkbox" name="utcTimes" checked={prefs.utcTimes} onChange={(e) => save({ utcTimes: (e.target as HTMLInputElement).checked })} /> Show organization times in UTC
        </label>
        <NumberField
          label="Organization activity counts the most recently pushed"
          name="orgActivityRepos"
          value={prefs.orgActivityRepos}
          min={5}
          max={30}
          unit="repositories (each costs one request on a cold visit)"
          onSave={(v) => save({ orgActivityRepos: v })}
        />
        <NumberField label="Check repositories for new commits every" name="freshnessMinutes" value={prefs.freshnessMinutes} min={1} max={1440} unit="minutes" onSave={(v) => save({ freshnessMinutes: v })} />
        <NumberField label="Keep API Insights answers for" name="insightsTtlMinutes" value={prefs.insightsTtlMinutes} min={1} max={1440} unit="minutes" onSave={(v) => save({ insightsTtlMinutes: v })} />
        <NumberField label="Refresh the watch list every" name="watchIntervalMinutes" value={prefs.watchIntervalMinutes} min={5} max={1440} unit="minutes" onSave={(v) => save({ watchIntervalMinutes: v })} />
      </section>
      <section class="sb-box" aria-labelledby="sb-cache-title">
        <h2 id="sb-cache-title">Cache</h2>
        {cache?.unavailable ? (
          <p data-cache-size data-cache-problem role="status">
            {cache.unavailable}
          </p>
        ) : (
          <p data-cache-size>
            {cache ? `${formatBytes(cache.bytes)} in use for ${formatNumber(cache.entries)} saved ${cache.entries === 1 ? 'answer' : 'answers'}.` : 'Measuring…'}
          </p>
        )}
        <NumberField label="Keep the cache under" name="cacheCapMB" value={prefs.cacheCapMB} min={5} max={500} unit="MB (the least recently used answers go first)" onSave={(v) => save({ cacheCapMB: v })} />
        <div class="sb-row">
          <button type="button" class="sb-btn sb-btn-danger" onClick={() => void clear()}>
            Clear cache
          </button>
        </div>
        {cacheNote && <p role="status" class="sb-small">{cacheNote}</p>}
      </section>
    </>
  );
}
