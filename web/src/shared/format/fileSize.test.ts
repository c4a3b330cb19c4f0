import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatFileSize } from './fileSize.ts';

test('small files are counted in bytes', () => {
  assert.equal(formatFileSize(0), '0 bytes');
  assert.equal(formatFileSize(1), '1 byte');
  assert.equal(formatFileSize(1023), '1023 bytes');
});

test('larger files get one decimal below ten units and none above', () => {
  assert.equal(formatFileSize(1536), '1.5 KB');
  assert.equal(formatFileSize(200 * 1024), '200 KB');
  assert.equal(formatFileSize(12 * 1024 * 1024), '12 MB');
  assert.equal(formatFileSize(3 * 1024 ** 3), '3 GB');
});
