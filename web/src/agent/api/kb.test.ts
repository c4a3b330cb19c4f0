import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../shared/api/problem.ts';
import { articleTag, staleSave, type Article } from './kb.ts';

test('an article version travels as the entity tag GET sends', () => {
  assert.equal(articleTag(4), '"v4"');
});

test('a 409 with the current article is a stale save, with what the teammate changed', () => {
  const current = { id: 'k0123456789abcdef', version: 3 } as Article;
  const body = {
    title: 'The article changed since you loaded it.',
    detail: 'Ana saved version 3 since your version 2; nothing was saved.',
    currentVersion: 3,
    changedFields: ['body'],
    changes: [{ kind: 'added', text: 'Then wait for the email.' }],
    current,
  };
  const stale = staleSave(new ApiError(409, { title: body.title, detail: body.detail }, body));
  assert.deepEqual(stale, {
    detail: body.detail,
    currentVersion: 3,
    changedFields: ['body'],
    changes: [{ kind: 'added', text: 'Then wait for the email.' }],
    current,
  });
});

test('a taken slug (also 409) and other failures are not stale saves', () => {
  assert.equal(staleSave(new ApiError(409, { title: 'slug taken' }, { title: 'slug taken', field: 'slug' })), null);
  assert.equal(staleSave(new ApiError(412, { title: 'x' }, { currentVersion: 3, current: {} })), null);
  assert.equal(staleSave(new Error('offline')), null);
});
