import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OnCallNowEntry } from '../api/oncall.ts';
import { bothZones, localTime, onCallBadgeText } from './bandText.ts';

test('times are shown on the schedule zone wall clock, across a daylight-saving change', () => {
  assert.equal(localTime('2026-03-28T08:00:00Z', 'Europe/Berlin'), 'Sat 28 Mar 09:00');
  assert.equal(localTime('2026-03-29T07:00:00Z', 'Europe/Berlin'), 'Sun 29 Mar 09:00');
});

test('a hand-off reads on the viewer clock and the schedule clock when they differ', () => {
  assert.equal(bothZones('2026-03-02T08:00:00Z', 'Europe/Berlin', 'Europe/Berlin'), 'Mon 2 Mar 09:00 (Europe/Berlin)');
  assert.equal(bothZones('2026-03-02T08:00:00Z', 'Europe/Berlin', 'America/New_York'), 'Mon 2 Mar 03:00 your time (09:00 Europe/Berlin)');
  assert.equal(bothZones('2026-03-02T02:00:00Z', 'Europe/Berlin', 'America/New_York'), 'Sun 1 Mar 21:00 your time (Mon 2 Mar 03:00 Europe/Berlin)');
});

test('the badge names the agent, and the schedule only when there are several', () => {
  const entry = (name: string, agentId: string | null): OnCallNowEntry => ({
    scheduleId: name,
    name,
    timeZoneId: 'UTC',
    agentId,
    since: null,
    until: null,
    next: null,
  });
  const names: Record<string, string> = { a870304dab7aef928: 'Ada Lovelace' };
  const nameOf = (id: string) => names[id] ?? id;
  assert.equal(onCallBadgeText([], nameOf), null);
  assert.equal(onCallBadgeText([entry('Support', 'a870304dab7aef928')], nameOf), 'On call now: Ada Lovelace');
  assert.equal(
    onCallBadgeText([entry('Support', 'a870304dab7aef928'), entry('Billing', null)], nameOf),
    'On call now: Ada Lovelace (Support), nobody (Billing)',
  );
});
