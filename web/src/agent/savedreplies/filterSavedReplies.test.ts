import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterSavedReplies } from '../api/savedReplies.ts';

const replies = [{ name: 'Refund sent' }, { name: 'Password reset' }, { name: 'Crème: order delayed' }, { name: 'Partial refund' }];

test('every typed word must be in the name, case and accents ignored', () => {
  assert.deepEqual(filterSavedReplies(replies, 'REFUND').map((r) => r.name), ['Refund sent', 'Partial refund']);
  assert.deepEqual(filterSavedReplies(replies, 'creme delay').map((r) => r.name), ['Crème: order delayed']);
  assert.deepEqual(filterSavedReplies(replies, 'refund password'), []);
});

test('an empty query keeps every reply, by name', () => {
  assert.deepEqual(filterSavedReplies(replies, '  ').map((r) => r.name), ['Crème: order delayed', 'Partial refund', 'Password reset', 'Refund sent']);
});
