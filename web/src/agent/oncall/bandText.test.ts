import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OnCallNowEntry } from '../api/oncall.ts';
import { bandText, localTime, onCallBadgeText } from './bandText.ts';

test('times are shown on the schedule zone wall clock, across a daylight-saving change', () => {
  assert.equal(localTime('2026-03-28T08:00:00Z', 'Europe/Berlin'), 'Sat 28 Mar 09:00');
  assert.equal(localTime('2026-03-29T07:00:00Z', 'Europe/Berlin'), 'Sun 29 Mar 09:00');
});

test('a gap says nobody is on call', () => {
  const band = { agentId: null, gap: true, start: '2026-03-02T08:00:00Z', end: '2026-03-02T16:00:00Z', localStart: '', localEnd: '' };
  assert.deepEqual(bandText(band, 'UTC'), { who: 'Nobody on call', when: 'Mon 2 Mar 08:00 – Mon 2 Mar 16:00' });
});

test('the badge names the schedule only when there are several', () => {
  const entry = (name: string, agentId: string | null): OnCallNowEntry => ({
    scheduleId: name,
    name,
    timeZoneId: 'UTC',
    agentId,
    since: null,
    until: null,
    next: null,
  });
  assert.equal(onCallBadgeText([]), null);
  assert.equal(onCallBadgeText([entry('Support', 'ada')]), 'On call now: ada');
  assert.equal(onCallBadgeText([entry('Support', 'ada'), entry('Billing', null)]), 'On call now: ada (Support), nobody (Billing)');
});
