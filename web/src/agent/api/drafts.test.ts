import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftStateLabel, openDrafts, type Draft } from './drafts.ts';

const draft = (state: Draft['state']) => ({ state, returnedBy: null }) as unknown as Draft;

test('a returned draft names who returned it', () => {
  assert.equal(draftStateLabel({ state: 'returned', returnedBy: { name: 'Alice Jones' } }), 'Returned by Alice Jones');
  assert.equal(draftStateLabel({ state: 'returned', returnedBy: null }), 'Returned');
  assert.equal(draftStateLabel({ state: 'submitted', returnedBy: null }), 'Waiting for approval');
});

test('sent drafts leave the page, waiting and returned ones stay', () => {
  assert.deepEqual(
    openDrafts([draft('submitted'), draft('approved'), draft('returned'), draft('approving')]).map((d) => d.state),
    ['submitted', 'returned', 'approving'],
  );
});
