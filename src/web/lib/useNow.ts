import { useEffect, useState } from 'react';

/**
 * The current time in milliseconds, read when the component mounts and again every `everyMs`: a
 * render stays pure (no `Date.now()` in it), and what splits past from coming keeps up with the clock.
 */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
