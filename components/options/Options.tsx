import { useEffect, useMemo, useState } from 'preact/hooks';
import type { StatboardClient } from '../../utils/statboardClient';
import { hostsItem, NO_HOSTS, type HostSettings } from '../../utils/settings';
import { configuredHosts } from '../../utils/github/hosts';
import { TokenSection } from './TokenSection';
import { HostsSection } from './HostsSection';
import { PreferencesSection } from './PreferencesSection';
import { HostAccessNotice } from '../access/HostAccessNotice';

export function Options({ client }: { client: StatboardClient }) {
  const [settings, setSettings] = useState<HostSettings | null>(null);
  useEffect(() => {
    void hostsItem.getValue().then(setSettings);
    return hostsItem.watch((next) => setSettings(next ?? NO_HOSTS));
  }, []);
  const hosts = useMemo(() => (settings ? configuredHosts(settings) : []), [settings]);
  return (
    <main class="sb-options" data-statboard="options" data-state={settings ? 'ready' : 'loading'}>
      <header>
        <h1>Statboard</h1>
        <p class="sb-muted">GitHub statistics on repository and organization pages.</p>
      </header>
      {settings && (
        <>
          <HostAccessNotice hosts={hosts} />
          <TokenSection client={client} hosts={hosts} />
          <HostsSection client={client} settings={settings} hosts={hosts} />
          <PreferencesSection client={client} />
        </>
      )}
    </main>
  );
}
