import { useId, useState } from 'preact/hooks';
import { chooseIncrement, INSIGHTS_PRESETS, type Increment, type InsightsPreset, type InsightsWindow } from '../../../utils/metrics';
import { customWindow, pickableIncrements, toDateTimeInput } from './windowInput';
import { incrementLabel, PRESET_LABELS } from './labels';

// Octicon "sync" (16px).
const SYNC_ICON =
  'M1.705 8.005a.75.75 0 0 1 .834.656 5.5 5.5 0 0 0 9.592 2.97l-1.204-1.204a.25.25 0 0 1 .177-.427h3.646a.25.25 0 0 1 .25.25v3.646a.25.25 0 0 1-.427.177l-1.38-1.38A7.002 7.002 0 0 1 1.05 8.84a.75.75 0 0 1 .656-.834ZM8 2.5a5.487 5.487 0 0 0-4.131 1.869l1.204 1.204A.25.25 0 0 1 4.896 6H1.25A.25.25 0 0 1 1 5.75V2.104a.25.25 0 0 1 .427-.177l1.38 1.38A7.002 7.002 0 0 1 14.95 7.16a.75.75 0 0 1-1.49.178A5.5 5.5 0 0 0 8 2.5Z';

export type WindowKind = InsightsPreset | 'custom';

export interface WindowChoice {
  kind: WindowKind;
  window: InsightsWindow;
}

/**
 * The window (24 h, 7 days, 30 days or a custom range in the last 31 days), the chart interval
 * and UTC or local times. A custom range applies only once it is valid; otherwise a sentence
 * says what to fix and the panel keeps showing the last good window.
 */
export function WindowControls({
  choice,
  onPreset,
  onCustom,
  increment,
  onIncrement,
  utc,
  onUtc,
}: {
  choice: WindowChoice;
  onPreset(preset: InsightsPreset): void;
  onCustom(window: InsightsWindow): void;
  increment: Increment | 'auto';
  onIncrement(increment: Increment | 'auto'): void;
  utc: boolean;
  onUtc(utc: boolean): void;
}) {
  const ids = { window: useId(), interval: useId(), from: useId(), to: useId(), error: useId() };
  const [editing, setEditing] = useState(choice.kind === 'custom');
  const [from, setFrom] = useState(() => toDateTimeInput(choice.window.fromMs, utc));
  const [to, setTo] = useState(() => toDateTimeInput(choice.window.toMs, utc));
  const [error, setError] = useState<string | null>(null);
  const windowMs = choice.window.toMs - choice.window.fromMs;
  const auto = chooseIncrement(windowMs);

  const selectWindow = (value: string) => {
    if (value === 'custom') {
      setFrom(toDateTimeInput(choice.window.fromMs, utc));
      setTo(toDateTimeInput(choice.window.toMs, utc));
      setError(null);
      setEditing(true);
      return;
    }
    setEditing(false);
    setError(null);
    onPreset(value as InsightsPreset);
  };

  const apply = (event: Event) => {
    event.preventDefault();
    const result = customWindow(from, to, utc, Date.now());
    if (!result.ok) return setError(result.error);
    setError(null);
    onCustom(result.window);
  };

  const switchZone = (next: boolean) => {
    if (next === utc) return;
    // Keep the typed instants: re-express them in the other zone.
    setFrom(toDateTimeInput(choice.window.fromMs, next));
    setTo(toDateTimeInput(choice.window.toMs, next));
    onUtc(next);
  };

  return (
    <div class="sb-org-controls">
      <div class="sb-control-row">
        <label class="sb-field" for={ids.window}>
          <span>Window</span>
          <select
            id={ids.window}
            class="sb-select"
            value={editing ? 'custom' : choice.kind}
            onChange={(e) => selectWindow(e.currentTarget.value)}
            data-control="window"
          >
            {INSIGHTS_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {PRESET_LABELS[preset]}
              </option>
            ))}
            <option value="custom">Custom range…</option>
          </select>
        </label>
        {choice.kind !== 'custom' && !editing ? (
          <button
            type="button"
            class="sb-btn sb-btn-invisible sb-btn-icon"
            aria-label="Move the window to end now"
            title="Move the window to end now"
            onClick={() => onPreset(choice.kind as InsightsPreset)}
            data-action="refresh-window"
          >
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d={SYNC_ICON} />
            </svg>
          </button>
        ) : null}
        <label class="sb-field" for={ids.interval}>
          <span>Interval</span>
          <select
            id={ids.interval}
            class="sb-select"
            value={increment}
            onChange={(e) => onIncrement(e.currentTarget.value as Increment | 'auto')}
            data-control="interval"
          >
            <option value="auto">Auto: {incrementLabel(auto)}</option>
            {pickableIncrements(windowMs).map((option) => (
              <option key={option} value={option}>
                {incrementLabel(option).replace(/^every (\w)/, (_, c: string) => c.toUpperCase())}
              </option>
            ))}
          </select>
        </label>
        <span class="sb-spacer" />
        <div class="sb-segmented" role="group" aria-label="Show times in">
          <button type="button" class="sb-btn" aria-pressed={!utc} onClick={() => switchZone(false)} data-control="local">
            Local
          </button>
          <button type="button" class="sb-btn" aria-pressed={utc} onClick={() => switchZone(true)} data-control="utc">
            UTC
          </button>
        </div>
      </div>
      {editing ? (
        <form class="sb-control-row" onSubmit={apply} data-control="custom-range" noValidate>
          <DateTimeField label="From" name="from" id={ids.from} value={from} onValue={setFrom} errorId={error ? ids.error : undefined} />
          <DateTimeField label="To" name="to" id={ids.to} value={to} onValue={setTo} errorId={error ? ids.error : undefined} />
          <span class="sb-zone">{utc ? 'UTC' : 'local time'}</span>
          <button type="submit" class="sb-btn">
            Apply
          </button>
          {error ? (
            <p class="sb-field-error" id={ids.error} role="alert">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

/** One end of the custom range: a labelled datetime-local input, marked invalid with the form's error. */
function DateTimeField({ label, name, id, value, onValue, errorId }: { label: string; name: string; id: string; value: string; onValue(value: string): void; errorId?: string }) {
  return (
    <label class="sb-field" for={id}>
      <span>{label}</span>
      <input
        id={id}
        class="sb-input"
        type="datetime-local"
        name={name}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-invalid={errorId ? 'true' : undefined}
        aria-describedby={errorId}
      />
    </label>
  );
}
