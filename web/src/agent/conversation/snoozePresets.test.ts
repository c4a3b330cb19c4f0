import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLocalDateTime, snoozePresets } from './snoozePresets.ts';
import { presenceText } from '../api/toolkit.ts';

test('snooze presets: an hour, tomorrow at nine, next Monday at nine', () => {
  const wednesday = new Date(2026, 2, 4, 15, 30);
  const [hour, tomorrow, week] = snoozePresets(wednesday);
  assert.equal(hour?.until.getTime(), new Date(2026, 2, 4, 16, 30).getTime());
  assert.equal(tomorrow?.until.getTime(), new Date(2026, 2, 5, 9, 0).getTime());
  assert.equal(week?.until.getTime(), new Date(2026, 2, 9, 9, 0).getTime());
});

test('next week from a Sunday or a Monday is the coming Monday', () => {
  assert.equal(snoozePresets(new Date(2026, 2, 8, 20, 0))[2]?.until.getTime(), new Date(2026, 2, 9, 9, 0).getTime());
  assert.equal(snoozePresets(new Date(2026, 2, 9, 8, 0))[2]?.until.getTime(), new Date(2026, 2, 16, 9, 0).getTime());
});

test('a custom time must be a whole local date-time', () => {
  assert.equal(parseLocalDateTime('2026-03-04T10:15')?.getTime(), new Date(2026, 2, 4, 10, 15).getTime());
  assert.equal(parseLocalDateTime(''), null);
  assert.equal(parseLocalDateTime('tomorrow'), null);
});

test('presence reads as a sentence per state, replying first', () => {
  const at = '2026-03-02T09:00:00Z';
  assert.deepEqual(
    presenceText([
      { agentId: 'a1', name: 'Alice', state: 'viewing', seenAt: at },
      { agentId: 'a2', name: 'Bob', state: 'replying', seenAt: at },
      { agentId: 'a3', name: 'Carol', state: 'viewing', seenAt: at },
    ]),
    ['Bob is replying', 'Alice and Carol are viewing'],
  );
  assert.deepEqual(presenceText([]), []);
});
