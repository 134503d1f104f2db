// Loads data for a page section and keeps it with its loading state and error; `reload` fetches again.
import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { type ApiError, asApiError } from '../api/client';

type State<T> = { data: T | undefined; error: ApiError | null; isLoading: boolean };

export function useLoader<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<State<T>>({ data: undefined, error: null, isLoading: true });
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on.
  useEffect(() => {
    let isCurrent = true;
    setState((previous) => ({ ...previous, isLoading: true, error: null }));
    load().then(
      (data) => isCurrent && setState({ data, error: null, isLoading: false }),
      (error: unknown) =>
        isCurrent && setState({ data: undefined, error: asApiError(error), isLoading: false }),
    );
    return () => {
      isCurrent = false;
    };
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const setData = useCallback(
    (update: (data: T | undefined) => T | undefined) =>
      setState((previous) => ({ ...previous, data: update(previous.data) })),
    [],
  );

  return { ...state, reload, setData };
}
