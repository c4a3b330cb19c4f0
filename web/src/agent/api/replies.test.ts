import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../shared/api/problem.ts';
import { deliveryLabel, hasPendingDelivery, staleReply, versionTag } from './replies.ts';
import type { Message } from './conversations.ts';

test('the version travels as the entity tag GET sends', () => {
  assert.equal(versionTag(7), '"v7"');
});

test('a 409 with new messages is a stale reply', () => {
  const error = new ApiError(409, { title: 'changed' }, { currentVersion: 3, newMessages: [{ id: 'm1' }] });
  assert.deepEqual(staleReply(error), { currentVersion: 3, newMessages: [{ id: 'm1' }] });
});

test('other failures are not stale replies', () => {
  assert.equal(staleReply(new ApiError(409, { title: 'x' }, { title: 'x' })), null);
  assert.equal(staleReply(new ApiError(400, { title: 'x' }, { currentVersion: 1, newMessages: [] })), null);
  assert.equal(staleReply(new Error('x')), null);
});

test('failed, bounced and dropped mail is marked bad; delivered good', () => {
  for (const state of ['failed', 'bounced', 'dropped']) assert.equal(deliveryLabel(state).tone, 'bad');
  for (const state of ['sent', 'delivered', 'opened']) assert.equal(deliveryLabel(state).tone, 'good');
  assert.equal(deliveryLabel('sending').label, 'Sending…');
});

test('a conversation with a reply still sending is pending delivery', () => {
  const message = (deliveryState: string | null) => ({ deliveryState }) as Message;
  assert.equal(hasPendingDelivery([message(null), message('sending')]), true);
  assert.equal(hasPendingDelivery([message('sent'), message(null)]), false);
});
