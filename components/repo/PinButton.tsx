import { useEffect, useState } from 'preact/hooks';
import { Icon, usePanel } from '../kit';
import type { WatchEntry } from '../../utils/protocol';

/** Adds the repository to the popup's watch list, or removes it (a toggle button). */
export function PinButton({ kind, name }: { kind: WatchEntry['kind']; name: string }) {
  const { client, host } = usePanel();
  const [pinned, setPinned] = useState<boolean | null>(null);
  const isThis = (list: WatchEntry[]) => list.some((e) => e.host === host && e.kind === kind && e.name.toLowerCase() === name.toLowerCase());

  useEffect(() => {
    let live = true;
    client
      .command({ type: 'watchlist.get' })
      .then((list) => live && setPinned(isThis(list)))
      .catch(() => live && setPinned(false));
    return () => {
      live = false;
    };
  }, [client, host, kind, name]);

  const toggle = async () => {
    const next = !pinned;
    setPinned(next);
    try {
      const list = next
        ? await client.command({ type: 'watchlist.add', entry: { host, kind, name } })
        : await client.command({ type: 'watchlist.remove', host, kind, name });
      setPinned(isThis(list));
    } catch {
      setPinned(!next);
    }
  };

  const label = pinned ? 'Unpin from watch list' : 'Pin to watch list';
  return (
    <button
      type="button"
      class="sb-btn sb-btn-invisible sb-btn-icon"
      aria-pressed={pinned === true}
      aria-label={label}
      title={label}
      disabled={pinned === null}
      onClick={() => void toggle()}
      data-action="pin"
      style={pinned ? { color: 'var(--fgColor-accent, #0969da)' } : undefined}
    >
      <Icon name="pin" />
    </button>
  );
}
