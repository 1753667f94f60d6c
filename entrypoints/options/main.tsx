import { render } from 'preact';
import '../../components/popup/base.css';
import '../../components/options/options.css';
import { Options } from '../../components/options/Options';
import { createStatboardClient } from '../../utils/statboardClient';

const client = createStatboardClient();
render(<Options client={client} />, document.getElementById('app') as HTMLElement);
addEventListener('pagehide', () => client.close());
