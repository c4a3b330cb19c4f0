import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeHref } from './safeHref.ts';

const base = 'http://localhost:7071/conversations/c1';

test('web and relative addresses are links', () => {
  assert.equal(safeHref('/api/messages/m1/raw', base), '/api/messages/m1/raw');
  assert.equal(safeHref('https://files.example.com/a.pdf?sig=x', base), 'https://files.example.com/a.pdf?sig=x');
});

test('script, data and missing addresses are not links', () => {
  assert.equal(safeHref('javascript:alert(1)', base), undefined);
  assert.equal(safeHref(' JavaScript:alert(1)', base), undefined);
  assert.equal(safeHref('data:text/html,<script>alert(1)</script>', base), undefined);
  assert.equal(safeHref(null, base), undefined);
  assert.equal(safeHref('', base), undefined);
});
