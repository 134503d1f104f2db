// @vitest-environment node
// R1: report defaults, query, CSV link and chart scale.
import { describe, expect, it } from 'vitest';
import {
  chartScale,
  csvHref,
  defaultReportFilters,
  fillPeriods,
  formatPeriodStart,
  toReportQuery,
} from './reportQuery';

describe('R1: report controls', () => {
  it('R1: the default period covers the previous, current and next month', () => {
    const filters = defaultReportFilters('Europe/Paris', '2026-01-15');
    expect([filters.from, filters.to]).toEqual(['2025-12-01', '2026-02-28']);
  });

  it('R1: the CSV link carries the same query as the report', () => {
    const query = toReportQuery(
      { ...defaultReportFilters('Europe/Paris', '2026-01-15'), groupBy: 'provider', interval: 'month' },
      'Europe/Paris',
    );
    expect(query.from).toBe('2025-11-30T23:00:00Z');
    expect(query.to).toBe('2026-02-28T23:00:00Z');
    const href = new URL(csvHref('org-1', query), 'http://localhost');
    expect(href.pathname).toBe('/api/v1/orgs/org-1/reports/appointments.csv');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      from: query.from,
      to: query.to,
      groupBy: 'provider',
      interval: 'month',
    });
  });

  it('R1: periods are named in the interface language', () => {
    expect(formatPeriodStart('2026-11-02', 'month', 'fr')).toBe('novembre 2026');
    expect(formatPeriodStart('2026-11-02', 'week', 'en')).toBe('Nov 2, 2026');
  });

  it('R1: the chart axis rounds up to 1, 2 or 5 × 10ⁿ with integer ticks', () => {
    expect(chartScale(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(chartScale(3)).toEqual({ top: 5, ticks: [0, 1, 2, 3, 4, 5] });
    expect(chartScale(18)).toEqual({ top: 20, ticks: [0, 5, 10, 15, 20] });
  });

  it('R1: weeks without appointments still appear on the time axis, from their Monday', () => {
    const counts = { scheduled: 1, present: 0, absent: 0, not_eligible: 0, cancelled: 2 };
    const filled = fillPeriods([{ period: '2026-11-09', counts }], '2026-11-04', '2026-11-20', 'week');
    expect(filled.map((point) => point.period)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(filled[1]?.counts).toBe(counts);
    expect(filled[0]?.counts.cancelled).toBe(0);
    expect(fillPeriods([], '2026-01-31', '2026-03-01', 'month').map((point) => point.period)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
  });
});
