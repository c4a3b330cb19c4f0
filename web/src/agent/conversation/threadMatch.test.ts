import assert from 'node:assert/strict';
import { test } from 'node:test';
import { threadMatchHint } from './threadMatch.ts';

test('matches by headers or reply address need no hint', () => {
  for (const match of ['None', 'References', 'ReplyAddress', '']) assert.equal(threadMatchHint(match), undefined);
});

test('guessed matches say how they were made', () => {
  assert.equal(threadMatchHint('Subject'), 'threaded by subject');
  assert.equal(threadMatchHint('Bounce'), 'bounce of a message sent here');
});
