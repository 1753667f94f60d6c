import { render } from 'preact';
import '../../components/popup/base.css';
import '../../components/popup/popup.css';
import { Popup } from '../../components/popup/Popup';
import { createStatboardClient } from '../../utils/statboardClient';

const client = createStatboardClient();
render(<Popup client={client} />, document.getElementById('app') as HTMLElement);
addEventListener('pagehide', () => client.close());
