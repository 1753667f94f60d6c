import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StatboardClient } from '../../utils/statboardClient';

/** What every part of a panel may need: the port client and the page's GitHub host. */
export interface PanelContextValue {
  client: StatboardClient;
  /** the page host, e.g. `github.com` (for links and messages) */
  host: string;
}

export const PanelContext = createContext<PanelContextValue | null>(null);

export function usePanel(): PanelContextValue {
  const value = useContext(PanelContext);
  if (!value) throw new Error('Statboard kit components must be inside <PanelShell>.');
  return value;
}
