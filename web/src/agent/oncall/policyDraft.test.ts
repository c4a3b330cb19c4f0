import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EscalationPolicy } from '../api/escalation.ts';
import { draftOf, durationOf, errorAt, inputOf, minutesOf } from './policyDraft.ts';

test('durations read and write as .NET TimeSpans in minutes', () => {
  assert.equal(minutesOf('00:10:00'), 10);
  assert.equal(minutesOf('1.02:00:30'), 1560.5);
  assert.ok(Number.isNaN(minutesOf('ten minutes')));
  assert.equal(durationOf(90), '01:30:00');
  assert.equal(durationOf(2880), '2.00:00:00');
  assert.equal(durationOf(0.25), '00:00:15');
});

test('a policy survives the editor unchanged', () => {
  const policy: EscalationPolicy = {
    mailbox: 'support@acme.test',
    targetFirstResponse: '00:15:00',
    levels: [
      { escalateAfter: '00:05:00', scheduleId: 's1', agentIds: [] },
      { escalateAfter: '01:00:00', scheduleId: null, agentIds: ['carol', 'dan@acme.test'] },
    ],
    repeat: 2,
    afterHours: 'wait',
    supportHours: { timeZoneId: 'Europe/Berlin', windows: [{ startDay: 'monday', startTime: '08:00', endDay: 'monday', endTime: '18:00' }] },
  };
  const { mailbox: _, ...input } = policy;
  assert.deepEqual(inputOf(draftOf(policy, 'UTC')), input);
});

test('a field error shows at its field and the fields under it, not at a longer index', () => {
  const fields = { 'levels[10]': 'ten', 'levels[1].agentIds[0]': 'spaces', 'supportHours.windows[0].endTime': 'bad' };
  assert.equal(errorAt(fields, 'levels[1]'), 'spaces');
  assert.equal(errorAt(fields, 'supportHours'), 'bad');
  assert.equal(errorAt(fields, 'levels[2]'), undefined);
  assert.equal(errorAt(fields, 'repeat'), undefined);
});
