import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayTicks, initials, nowPosition, placeSpans } from './timelineLayout.ts';

const week = { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' };

test('spans are placed in proportion to the window and cut to it', () => {
  const placed = placeSpans(week, [
    { agentId: 'ada', start: '2026-02-28T00:00:00Z', end: '2026-03-03T00:00:00Z' },
    { agentId: null, start: '2026-03-03T00:00:00Z', end: '2026-03-05T12:00:00Z' },
    { agentId: 'bob', start: '2026-03-10T00:00:00Z', end: '2026-03-11T00:00:00Z' },
  ]);
  assert.deepEqual(
    placed.map((span) => [span.agentId, Number(span.left.toFixed(2)), Number(span.width.toFixed(2))]),
    [
      ['ada', 0, 14.29],
      [null, 14.29, 35.71],
    ],
  );
});

test('the now marker stands where now is, and nowhere outside the window', () => {
  assert.equal(nowPosition(week, new Date('2026-03-05T12:00:00Z')), 50);
  assert.equal(nowPosition(week, new Date('2026-03-10T00:00:00Z')), null);
});

test('day ticks fall on the zone midnights, across a daylight-saving change', () => {
  const ticks = dayTicks({ from: '2026-03-27T23:00:00Z', to: '2026-03-30T22:00:00Z' }, 'Europe/Berlin');
  assert.deepEqual(
    ticks.map((tick) => tick.label),
    ['Sat 28', 'Sun 29', 'Mon 30'],
  );
  // Berlin's midnight before the change is 23:00 UTC, after it 22:00 UTC: 24 and 47 hours into a 71-hour window.
  assert.deepEqual(
    ticks.map((tick) => Number(((tick.left / 100) * 71).toFixed(2))),
    [0, 24, 47],
  );
});

test('an avatar shows the first and last initials of a name, or the first letter of an address', () => {
  assert.equal(initials('Ada Lovelace'), 'AL');
  assert.equal(initials('Grace Brewster Hopper'), 'GH');
  assert.equal(initials('bob@acme.test'), 'B');
  assert.equal(initials(''), '?');
});
