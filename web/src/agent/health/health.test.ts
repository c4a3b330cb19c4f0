import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeHealth } from './health.ts';

test('all stores ok is healthy', () => {
  const view = describeHealth({
    status: 'healthy',
    storage: { tables: 'ok', queues: 'ok', blobs: 'ok' },
    checkedAt: '2026-03-02T09:00:00Z',
  });
  assert.deepEqual(view, { state: 'healthy', text: 'Storage: healthy' });
});

test('unhealthy names each failing store and why', () => {
  const view = describeHealth({
    status: 'unhealthy',
    storage: { tables: 'Connection refused (127.0.0.1:9)', queues: 'ok', blobs: 'no answer within 3 seconds' },
    checkedAt: '2026-03-02T09:00:00Z',
  });
  assert.deepEqual(view, {
    state: 'unhealthy',
    text: 'Storage: unhealthy — tables: Connection refused (127.0.0.1:9); blobs: no answer within 3 seconds',
  });
});
