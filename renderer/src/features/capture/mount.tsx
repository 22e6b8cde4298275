/**
 * The capture forms' own React root under <body>, so the forms open over any view (from the step panel, the
 * command palette or the menu) without a place in the app shell. It shares the app's query cache and i18next
 * instance, so it reads the same data in the same language; the theme's CSS variables reach it from <html>.
 */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../../api/queries';
import { CaptureHost } from './components/CaptureHost';

let root: Root | null = null;
let container: HTMLElement | null = null;
let users = 0;
let pendingUnmount: ReturnType<typeof setTimeout> | null = null;

/**
 * Mounts the capture host (once, however many callers); returns the function that releases it. The last release
 * unmounts it on the next tick, so StrictMode's release-and-mount-again keeps the same root (and an unmount never
 * runs inside another root's commit).
 */
export function mountCaptureHost(): () => void {
  if (typeof document === 'undefined') return () => undefined;
  users += 1;
  if (pendingUnmount) clearTimeout(pendingUnmount);
  pendingUnmount = null;
  if (!root) {
    container = document.createElement('div');
    container.className = 'capture-root';
    document.body.appendChild(container);
    root = createRoot(container);
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <CaptureHost />
        </QueryClientProvider>
      </StrictMode>,
    );
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    users -= 1;
    if (users > 0) return;
    pendingUnmount = setTimeout(() => {
      pendingUnmount = null;
      root?.unmount();
      container?.remove();
      root = null;
      container = null;
    }, 0);
  };
}
