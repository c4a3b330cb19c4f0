import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figure, formatDuration, lastBacklog, formatScore, formatShare, metricsPageHref, metricsQuery, metricsSelection, periodStart } from './metricsFormat.ts';

test('the selection round-trips through the address and falls back on unknown values', () => {
  const selection = { days: 90, mailbox: 'billing@acme.test', granularity: 'week' } as const;
  const query = Object.fromEntries(new URL(metricsPageHref(selection), 'https://app.test').searchParams);
  assert.deepEqual(metricsSelection(query), selection);
  assert.equal(metricsPageHref({ days: 30, mailbox: '', granularity: 'day' }), '/metrics');
  assert.deepEqual(metricsSelection({ days: '12', by: 'month' }), { days: 30, mailbox: '', granularity: 'day' });
});

test('seven days end today and start six days before, in UTC', () => {
  const query = metricsQuery({ days: 7, mailbox: '', granularity: 'day' }, new Date('2026-03-02T23:30:00-05:00'));
  assert.deepEqual(query, { from: '2026-02-25', to: '2026-03-03', mailbox: 'all', granularity: 'day' });
});

test('durations read as a person would say them', () => {
  assert.equal(formatDuration(null), '—');
  assert.equal(formatDuration(42), '42 s');
  assert.equal(formatDuration(7200), '2 h');
  assert.equal(formatDuration(3 * 3600 + 20 * 60), '3 h 20 min');
  assert.equal(formatDuration(52 * 3600), '2 d 4 h');
  assert.equal(formatDuration('NaN'), '—');
});

test('shares, scores and figures sent as strings', () => {
  assert.equal(formatShare(0.8749), '87 %');
  assert.equal(formatScore(40), '+40');
  assert.equal(formatScore(-15.4), '−15');
  assert.equal(formatScore(null), '—');
  assert.equal(figure('12.5'), 12.5);
});

test('a period starts at its UTC day or its ISO week\'s Monday', () => {
  assert.equal(periodStart('2026-03-02'), Date.UTC(2026, 2, 2) / 1000);
  assert.equal(periodStart('2026-W10'), Date.UTC(2026, 2, 2) / 1000);
  assert.equal(periodStart('2021-W01'), Date.UTC(2021, 0, 4) / 1000);
});

test('the backlog now is the last counted level, skipping periods not counted', () => {
  assert.equal(lastBacklog([{ backlog: 3 }, { backlog: 5 }, { backlog: null }]), 5);
  assert.equal(lastBacklog([{ backlog: null }]), null);
});
