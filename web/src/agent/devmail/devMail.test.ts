import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkify } from './devMail.ts';

test('web addresses in a mail become links, the punctuation after them stays text', () => {
  assert.deepEqual(linkify('Sign in: http://localhost:7071/api/auth/magic-links/abc?x=1.\nThanks'), [
    { text: 'Sign in: ' },
    { text: 'http://localhost:7071/api/auth/magic-links/abc?x=1', href: 'http://localhost:7071/api/auth/magic-links/abc?x=1' },
    { text: '.\nThanks' },
  ]);
});

test('only http and https become links', () => {
  assert.deepEqual(linkify('javascript:alert(1) and mailto:ada@acme.test'), [{ text: 'javascript:alert(1) and mailto:ada@acme.test' }]);
});
