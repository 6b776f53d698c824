import type { ReactNode } from 'react';
import { Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState, LoadingState } from './states.js';

interface Props<T> {
  query: UseQueryResult<T>;
  /** "Loading contacts…" */
  loading: string;
  /** Whether the loaded data has nothing to show; then `empty` is shown instead of the content. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** Inside a card with no padding: give the error some room. */
  inset?: boolean;
  children: (data: T) => ReactNode;
}

/**
 * The states of a loaded list or panel: pending, failed (with a retry), empty (with a message and
 * an action), or the content. Data kept from before (a refetch or the previous page) stays shown.
 */
export function QueryStates<T>({ query, loading, isEmpty, empty, inset, children }: Props<T>) {
  if (query.isPending) return <LoadingState label={loading} />;
  if (query.isError && query.data === undefined) {
    const error = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    return inset ? <Stack p="md">{error}</Stack> : error;
  }
  const data = query.data as T;
  if (isEmpty?.(data)) return <>{empty}</>;
  return <>{children(data)}</>;
}
