// The follow-up filters as page state, mirrored in the address bar (replace, not push) so "back" from a
// user record returns to the same list.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { defaultFilters, type FollowupFilters, filtersFromParams, filtersToParams } from './followupQuery';

export function useFollowupFilters(timeZone: string) {
  const [searchParams, setSearchParams] = useSearchParams();
  const defaults = useMemo(() => defaultFilters(timeZone), [timeZone]);
  const [filters, setFilters] = useState(() => filtersFromParams(searchParams, defaults));
  const [resetKey, setResetKey] = useState(0);

  useEffect(() => {
    const wanted = new URLSearchParams(filtersToParams(filters, defaults));
    if (wanted.toString() !== searchParams.toString()) setSearchParams(wanted, { replace: true });
  }, [filters, defaults, searchParams, setSearchParams]);

  const update = useCallback((patch: Partial<FollowupFilters>) => {
    setFilters((previous) => ({ ...previous, ...patch }));
  }, []);

  const reset = useCallback(() => {
    setFilters(defaults);
    setResetKey((key) => key + 1);
  }, [defaults]);

  return { filters, update, reset, resetKey };
}
