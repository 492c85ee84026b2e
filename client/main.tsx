/**
 * Client entry: picks the page for the current path (`/` or `/b/<id>`) and mounts React.
 *
 * Why: two pages do not need a router library; the board id comes from the path and the token from
 * the URL fragment, which never reaches the server's logs.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, appCodeReady } from './ui/App.tsx';
import './ui/styles.css';

const root = createRoot(document.getElementById('root')!);
// Mounted once the first page's code is here, so that it shows at once (see `appCodeReady`).
void appCodeReady.then(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
