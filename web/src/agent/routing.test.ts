import assert from 'node:assert/strict';
import { test } from 'node:test';
import { approvalsHref, conversationHref, customerHref, devMailHref, devMailMessageHref, inboxHref, onCallHref, parseRoute, savedRepliesHref, searchHref, settingsHref } from './routing.ts';

test('no hash is the open inbox', () => {
  assert.deepEqual(parseRoute(''), { page: 'inbox', status: 'open', view: 'all' });
  assert.deepEqual(parseRoute('#/'), { page: 'inbox', status: 'open', view: 'all' });
});

test('the inbox keeps its status filter and ignores unknown ones', () => {
  assert.deepEqual(parseRoute(inboxHref('pending')), { page: 'inbox', status: 'pending', view: 'all' });
  assert.deepEqual(parseRoute(inboxHref('snoozed')), { page: 'inbox', status: 'snoozed', view: 'all' });
  assert.deepEqual(parseRoute('#/inbox?status=spam'), { page: 'inbox', status: 'open', view: 'all' });
});

test('the inbox keeps its view with the status, and ignores unknown views', () => {
  assert.equal(inboxHref('open', 'mine'), '#/inbox?view=mine');
  assert.deepEqual(parseRoute(inboxHref('closed', 'unassigned')), { page: 'inbox', status: 'closed', view: 'unassigned' });
  assert.deepEqual(parseRoute('#/inbox?view=theirs'), { page: 'inbox', status: 'open', view: 'all' });
});

test('a conversation address round-trips its id', () => {
  assert.deepEqual(parseRoute(conversationHref('c/1 2')), { page: 'conversation', id: 'c/1 2' });
});

test('on call lists the schedules, and opens one by id', () => {
  assert.deepEqual(parseRoute(onCallHref()), { page: 'oncall', scheduleId: null });
  assert.deepEqual(parseRoute(onCallHref('s12ab')), { page: 'oncall', scheduleId: 's12ab' });
});

test('anything else is not found', () => {
  assert.deepEqual(parseRoute('#/preferences'), { page: 'not-found' });
});

test('the sign-in page carries the reason a link failed', () => {
  assert.deepEqual(parseRoute('#/sign-in?error=expired'), { page: 'sign-in', error: 'expired' });
  assert.deepEqual(parseRoute('#/sign-in'), { page: 'sign-in', error: null });
});

test('the dev mail view lists the sink and opens one message', () => {
  assert.deepEqual(parseRoute(devMailHref), { page: 'dev-mail' });
  assert.deepEqual(parseRoute(devMailMessageHref('0001-ab')), { page: 'dev-mail-message', id: '0001-ab' });
});

test('a search keeps its query, spaces and symbols included', () => {
  assert.deepEqual(parseRoute(searchHref('crème & brûlée')), { page: 'search', q: 'crème & brûlée' });
  assert.deepEqual(parseRoute('#/search'), { page: 'search', q: '' });
});

test('a customer address round-trips, and saved replies have their page', () => {
  assert.deepEqual(parseRoute(customerHref('ana+vip@example.com')), { page: 'customer', email: 'ana+vip@example.com' });
  assert.deepEqual(parseRoute(savedRepliesHref), { page: 'saved-replies' });
});

test('approvals and my settings have their pages', () => {
  assert.deepEqual(parseRoute(approvalsHref), { page: 'approvals' });
  assert.deepEqual(parseRoute(settingsHref), { page: 'settings' });
});
