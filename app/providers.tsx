'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '@/server/routers';
import { I18nProvider } from './i18n/client';
import type { Locale } from '@/common/i18n';
import { TRPCProvider } from './trpc';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
      // A failed save is shown to the person, never retried behind their back.
      mutations: { retry: false },
    },
  });
}

/** Client-side state for the workspace: React Query, the tRPC client on /api/trpc, and the locale. */
export function Providers({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // Queries as POST: search text stays out of URLs (server/http/request-guard.ts); batches as the server allows.
      links: [httpBatchLink({ url: '/api/trpc', transformer: superjson, methodOverride: 'POST', maxItems: 10 })],
    }),
  );
  return (
    <I18nProvider locale={locale}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
