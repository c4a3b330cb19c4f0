import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentialHeaders, signInErrorMessage } from './credentials.ts';

test('an API key travels as a Bearer header, a session as its anti-forgery header', () => {
  assert.deepEqual(credentialHeaders({ kind: 'api-key', apiKey: 'k' }), { Authorization: 'Bearer k' });
  assert.deepEqual(credentialHeaders({ kind: 'session', csrfToken: 't' }), { 'X-Switchboard-Csrf': 't' });
  assert.deepEqual(credentialHeaders(null), {});
});

test('each sign-in link failure is explained, and no error says nothing', () => {
  assert.equal(signInErrorMessage(null), null);
  assert.match(signInErrorMessage('expired')!, /expired/);
  assert.match(signInErrorMessage('used')!, /already used/);
  assert.match(signInErrorMessage('anything')!, /not valid/);
});
