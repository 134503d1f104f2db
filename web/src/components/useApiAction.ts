// Runs a request for a form: pending state, the last error, and field messages next to their inputs.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, asApiError } from '../api/client';

export function useApiAction() {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const [isPending, setPending] = useState(false);

  // The server wrote its messages in the previous language: drop them rather than mix languages.
  useEffect(() => {
    const clear = () => setError(null);
    i18n.on('languageChanged', clear);
    return () => i18n.off('languageChanged', clear);
  }, [i18n]);

  /** Runs the action; resolves to true when it succeeded, false when it failed (the error is kept). */
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setPending(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(asApiError(caught));
      return false;
    } finally {
      setPending(false);
    }
  }, []);

  /** The server's message for a body property, prefixed by the field's label ("Email is required"). */
  const fieldError = (path: string, label: string): string | undefined => {
    const message = error?.fields[path];
    return message ? t('common.fieldError', { label, message }) : undefined;
  };

  const reset = useCallback(() => setError(null), []);

  return { run, isPending, error, fieldError, reset };
}
