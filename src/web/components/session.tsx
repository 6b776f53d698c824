import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { Center, Container } from '@mantine/core';
import { meQuery, setupQuery, type Me } from '../lib/session.js';
import { ErrorState, FullPageLoader } from './states.js';

const MeContext = createContext<Me | null>(null);

/** The signed-in user; only for components under RequireSession. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside <RequireSession>');
  return me;
}

/** Renders its children for a signed-in user; sends everyone else to first-run or sign-in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useQuery(meQuery());
  const signedOut = me.data === null;
  const setup = useQuery({ ...setupQuery(), enabled: signedOut });

  if (me.isPending || (signedOut && setup.isPending)) return <FullPageLoader />;
  if (me.isError || (signedOut && setup.isError)) {
    return (
      <main>
        <Container size="sm" py="xl">
          <Center>
            <ErrorState error={me.error ?? setup.error} onRetry={() => void (me.isError ? me.refetch() : setup.refetch())} />
          </Center>
        </Container>
      </main>
    );
  }
  if (!me.data) {
    if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
    const here = location.pathname + location.search;
    return <Navigate to={here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`} replace />;
  }
  return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>;
}
