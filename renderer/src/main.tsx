import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import './i18n';
import './theme/app.css';
import { call } from './api/client';
import { keys, queryClient } from './api/queries';
import { App } from './app/App';
import { SessionBanner } from './app/SessionBanner';
import { installExportAutomation } from './ui/export/automation';

// Ask for the map's data before React starts, so the request overlaps start-up (bench:map: ~0.2 s at 1k nodes).
void queryClient.prefetchQuery({ queryKey: keys.mapGraph(undefined), queryFn: () => call('graph:map', {}) });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
      <SessionBanner />
    </QueryClientProvider>
  </StrictMode>,
);

// `?show=VIEW`: the CLI's exports open a view and draw it through the app (ui/export/automation.ts).
installExportAutomation();
