import './zod-setup.js';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/dates/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api.js';
import { initI18n } from './i18n.js';
import { sessionKeys } from './lib/session.js';
import { router } from './router.js';
import { cssVariablesResolver, theme } from './theme.js';

function onApiError(error: unknown) {
  // The session ended (expired, signed out elsewhere, account deactivated): re-check who we are,
  // which sends the user to sign-in.
  if (error instanceof ApiError && error.status === 401 && queryClient.getQueryData(sessionKeys.me())) {
    void queryClient.invalidateQueries({ queryKey: sessionKeys.me() });
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change by asking again; network and server errors might.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

// The first language's common words load before the first paint, so no page flashes untranslated keys.
await initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
