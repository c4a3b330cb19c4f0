import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeProblem } from './problem.ts';

test('a problem body gives its title and detail', () => {
  const body = { type: 'about:blank', title: 'Not found.', status: 404, detail: 'No conversation c-42.' };
  assert.deepEqual(describeProblem(404, 'Not Found', body), { title: 'Not found.', detail: 'No conversation c-42.' });
});

test('a problem without detail gives its title alone', () => {
  assert.deepEqual(describeProblem(401, '', { title: 'Authentication is required.' }), {
    title: 'Authentication is required.',
  });
});

test('a body that is not a problem still says what the server answered', () => {
  assert.deepEqual(describeProblem(502, 'Bad Gateway', '<html>proxy error</html>'), {
    title: 'The server answered 502 Bad Gateway.',
  });
  assert.deepEqual(describeProblem(500, '', null), { title: 'The server answered 500.' });
});

test('a validation problem names the message of each field', () => {
  const body = {
    title: 'One or more validation errors occurred.',
    errors: { 'levels[0].escalateAfter': ['Between 1 second and 7 days.', 'second'], repeat: ['0 to 10.'], odd: [42] },
  };
  assert.deepEqual(describeProblem(400, 'Bad Request', body).fields, {
    'levels[0].escalateAfter': 'Between 1 second and 7 days.',
    repeat: '0 to 10.',
  });
  assert.equal(describeProblem(400, '', { title: 'Bad.' }).fields, undefined);
});
