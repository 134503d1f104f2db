// U6/U8 while a new record is typed: once both names are there, asks the server (debounced) which visible
// records look like it or already use its email. Failures only hide the hint; they never block the form.
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { DuplicateSuggestion, EmailInUse } from './types';
import type { UserForm } from './userForm';

const DEBOUNCE_MS = 400;
const NONE = { duplicates: [] as DuplicateSuggestion[], emailInUse: [] as EmailInUse };

type Probe = Pick<UserForm, 'firstName' | 'lastName' | 'birthDate' | 'email' | 'mobilePhone' | 'otherPhone'>;

function probeOf(form: UserForm): Probe {
  return {
    firstName: form.firstName.trim(),
    lastName: form.lastName.trim(),
    birthDate: form.birthDate,
    email: form.email.trim(),
    mobilePhone: form.mobilePhone.trim(),
    otherPhone: form.otherPhone.trim(),
  };
}

export function useDuplicateCheck(organisationId: string, form: UserForm) {
  const [probeKey] = useDebouncedValue(JSON.stringify(probeOf(form)), DEBOUNCE_MS);
  const [result, setResult] = useState(NONE);

  useEffect(() => {
    const probe = JSON.parse(probeKey) as Probe;
    if (!probe.firstName || !probe.lastName) {
      setResult(NONE);
      return;
    }
    let isCurrent = true;
    // Only the filled-in parts are sent; an empty query parameter would be refused.
    const query = Object.fromEntries(Object.entries(probe).filter(([, value]) => value !== '')) as Probe;
    api
      .GET('/api/v1/orgs/{orgId}/users/duplicates', { params: { path: { orgId: organisationId }, query } })
      .then(({ data }) => {
        if (isCurrent) setResult(data ?? NONE);
      })
      .catch(() => {
        if (isCurrent) setResult(NONE);
      });
    return () => {
      isCurrent = false;
    };
  }, [probeKey, organisationId]);

  return result;
}
