import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exec } from 'preact-iso/router';
import { conversationHref, customerHref, devMailMessageHref, inboxFilter, inboxHref, legacyHashPath, onCallHref, routes, searchHref } from './routing.ts';

const query = (href: string) => Object.fromEntries(new URL(href, 'https://app.test').searchParams);

test('the inbox keeps its status filter and view, and ignores unknown ones', () => {
  assert.equal(inboxHref(), '/inbox');
  assert.equal(inboxHref('open', 'mine'), '/inbox?view=mine');
  assert.deepEqual(inboxFilter(query(inboxHref('closed', 'unassigned'))), { status: 'closed', view: 'unassigned' });
  assert.deepEqual(inboxFilter(query('/inbox?status=spam&view=theirs')), { status: 'open', view: 'all' });
  assert.deepEqual(inboxFilter({}), { status: 'open', view: 'all' });
});

test('ids and addresses round-trip through the routes, slashes, spaces and @ included', () => {
  assert.equal(exec(conversationHref('c/1 2'), routes.conversation)?.params['id'], 'c/1 2');
  assert.equal(exec(customerHref('ana+vip@example.com'), routes.customer)?.params['email'], 'ana+vip@example.com');
  assert.equal(exec(devMailMessageHref('0001-ab'), routes.devMailMessage)?.params['id'], '0001-ab');
  assert.equal(exec(onCallHref('s12ab'), routes.schedule)?.params['scheduleId'], 's12ab');
  assert.equal(onCallHref(), '/oncall');
});

test('a search keeps its query, spaces and symbols included', () => {
  assert.equal(query(searchHref('crème & brûlée'))['q'], 'crème & brûlée');
});

test('links of the old hash router, in mails already sent, turn into real paths', () => {
  assert.equal(legacyHashPath('#/conversations/c123'), '/conversations/c123');
  assert.equal(legacyHashPath('#/sign-in?error=used'), '/sign-in?error=used');
  assert.equal(legacyHashPath('#/inbox?status=pending&view=mine'), '/inbox?status=pending&view=mine');
  assert.equal(legacyHashPath(''), null);
  assert.equal(legacyHashPath('#/'), null);
  assert.equal(legacyHashPath('#top'), null);
});
