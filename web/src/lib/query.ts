import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';
import { followRegionClock } from './clock';

/**
 * The app's query client: retries only what may succeed on retry (network and 5xx), twice. It asks
 * for the region's time zone at once, so dates are in the server's zone from the first answer on.
 */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
  followRegionClock(client);
  return client;
}
