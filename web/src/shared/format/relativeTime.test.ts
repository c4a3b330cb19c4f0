import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRelativeTime } from './relativeTime.ts';

const now = new Date('2026-03-02T09:00:00Z');
const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);

test('under a minute is just now', () => {
  assert.equal(formatRelativeTime(before(59), now, 'en'), 'just now');
});

test('minutes and hours count back from now', () => {
  assert.equal(formatRelativeTime(before(5 * 60), now, 'en'), '5 minutes ago');
  assert.equal(formatRelativeTime(before(3 * 3600 + 59 * 60), now, 'en'), '3 hours ago');
});

test('one day back is yesterday', () => {
  assert.equal(formatRelativeTime(before(26 * 3600), now, 'en'), 'yesterday');
});

test('long ago is counted in weeks, months and years', () => {
  assert.equal(formatRelativeTime(before(15 * 24 * 3600), now, 'en'), '2 weeks ago');
  assert.equal(formatRelativeTime(before(400 * 24 * 3600), now, 'en'), 'last year');
});
