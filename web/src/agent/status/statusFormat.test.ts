import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../shared/api/problem.ts';
import { byGroup, fieldError, fromLocalInput, maintenanceLists, offsetLabel, overallStatus, stateLabel, toLocalInput, uptimeLabel } from './statusFormat.ts';

test('the verdict is the worst of states and open impacts, maintenance only when nothing is wrong', () => {
  assert.deepEqual(overallStatus(['operational', 'operational'], []), { indicator: 'none', description: 'All Systems Operational' });
  assert.equal(overallStatus(['operational', 'under_maintenance'], []).description, 'Service Under Maintenance');
  assert.equal(overallStatus(['under_maintenance', 'degraded_performance'], []).indicator, 'minor');
  assert.equal(overallStatus(['partial_outage'], ['minor']).description, 'Partial System Outage');
  assert.equal(overallStatus(['operational'], ['critical']).description, 'Major System Outage');
  assert.equal(overallStatus([], ['none']).indicator, 'none');
});

test('states read as the public page words them', () => {
  assert.equal(stateLabel('degraded_performance'), 'Degraded performance');
  assert.equal(stateLabel('under_maintenance'), 'Under maintenance');
});

test('components keep their order within groups of first appearance', () => {
  const groups = byGroup([
    { name: 'API', group: 'Platform' },
    { name: 'Website', group: null },
    { name: 'Email', group: 'Platform' },
  ]);
  assert.deepEqual(
    groups.map(([g, members]) => [g, members.map((m) => m.name)]),
    [
      ['Platform', ['API', 'Email']],
      ['', ['Website']],
    ],
  );
});

test('a local date-time input round-trips through the API instant', () => {
  const date = new Date(2026, 11, 7, 14, 30);
  assert.equal(toLocalInput(date), '2026-12-07T14:30');
  assert.equal(fromLocalInput('2026-12-07T14:30'), date.toISOString());
  assert.equal(fromLocalInput(''), null);
  assert.equal(fromLocalInput('tomorrow'), null);
});

test('zone offsets read as UTC±hh:mm (getTimezoneOffset is west-positive)', () => {
  assert.equal(offsetLabel(-60), 'UTC+01:00');
  assert.equal(offsetLabel(300), 'UTC-05:00');
  assert.equal(offsetLabel(-330), 'UTC+05:30');
  assert.equal(offsetLabel(0), 'UTC+00:00');
});

test('uptime shows at most two decimals, and says when there is no figure', () => {
  assert.equal(uptimeLabel(99.9583), '99.96 %');
  assert.equal(uptimeLabel(100), '100 %');
  assert.equal(uptimeLabel(null), 'no runs yet');
});

test('maintenance splits into upcoming (soonest first), in progress, completed and cancelled (latest first)', () => {
  const lists = maintenanceLists([
    { id: 'a', status: 'scheduled', startsAt: '2026-12-09T00:00:00Z' },
    { id: 'b', status: 'completed', startsAt: '2026-11-01T00:00:00Z' },
    { id: 'c', status: 'scheduled', startsAt: '2026-12-08T00:00:00Z' },
    { id: 'd', status: 'in_progress', startsAt: '2026-12-06T00:00:00Z' },
    { id: 'e', status: 'completed', startsAt: '2026-11-20T00:00:00Z' },
    { id: 'f', status: 'cancelled', startsAt: '2026-12-10T00:00:00Z' },
  ]);
  assert.deepEqual(lists.upcoming.map((m) => m.id), ['c', 'a']);
  assert.deepEqual(lists.inProgress.map((m) => m.id), ['d']);
  assert.deepEqual(lists.completed.map((m) => m.id), ['e', 'b']);
  assert.deepEqual(lists.cancelled.map((m) => m.id), ['f']);
});

test('a problem naming a field is shown under that field only', () => {
  const error = new ApiError(400, { title: 'The request is not valid.', detail: 'title is required.' }, { field: 'title', detail: 'title is required.' });
  assert.equal(fieldError(error, 'title'), 'title is required.');
  assert.equal(fieldError(error, 'message'), undefined);
  assert.equal(fieldError(new Error('x'), 'title'), undefined);
});
