// @vitest-environment node
// F1: default period, address round trip and API query of the follow-up filters.
import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  filtersFromParams,
  filtersToParams,
  isValidPeriod,
  toFollowupQuery,
} from './followupQuery';

describe('F1: follow-up filters', () => {
  const defaults = defaultFilters('America/Toronto', '2026-03-05');

  it('F1: the default period runs from 7 days before today to 30 days after', () => {
    expect(defaults.from).toBe('2026-02-26');
    expect(defaults.to).toBe('2026-04-04');
    expect(defaults.order).toBe('asc');
  });

  it('F1: the dates are local to the organisation, the last day included, across a DST change', () => {
    const query = toFollowupQuery({ ...defaults, from: '2026-03-07', to: '2026-03-08' }, 'America/Toronto');
    expect(query.from).toBe('2026-03-07T05:00:00Z');
    // 9 March starts at 04:00 UTC: clocks went forward on the 8th.
    expect(query.to).toBe('2026-03-09T04:00:00Z');
  });

  it('F1: filters survive the address bar, and defaults are left out of it', () => {
    expect(filtersToParams(defaults, defaults)).toEqual({});
    const chosen = {
      ...defaults,
      statuses: ['not_eligible' as const, 'cancelled' as const],
      q: ' tremblay ',
      order: 'desc' as const,
      serviceId: '0b5e9a4e-3a9e-4c1e-9d0a-6c2f1f0b8a11',
    };
    const params = new URLSearchParams(filtersToParams(chosen, defaults));
    expect(filtersFromParams(params, defaults)).toEqual({ ...chosen, q: 'tremblay' });
  });

  it('F1: malformed values in the address fall back to the defaults', () => {
    const params = new URLSearchParams({
      from: 'yesterday',
      provider: 'x',
      status: 'held,present',
      order: 'up',
    });
    expect(filtersFromParams(params, defaults)).toEqual({ ...defaults, statuses: ['present'] });
  });

  it('F1: a period that ends before it starts is not valid', () => {
    expect(isValidPeriod({ from: '2026-03-05', to: '2026-03-04' })).toBe(false);
    expect(isValidPeriod({ from: '2026-03-05', to: '' })).toBe(false);
    expect(isValidPeriod({ from: '2026-03-05', to: '2026-03-05' })).toBe(true);
  });
});
