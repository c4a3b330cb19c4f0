import { useQuery } from '@tanstack/preact-query';
import { onCallNowQuery } from '../api/oncall.ts';
import { onCallHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';
import { useAgentNames } from './AgentName.tsx';
import { onCallBadgeText } from './bandText.ts';

/**
 * "On call now: Ada Lovelace" in the header, linking to the rota; nothing until a schedule exists. Re-checked every
 * minute, and at once when this app changes a schedule (its query is invalidated). A failed check leaves the last
 * answer in place: the badge is a convenience, the on-call page reports failures.
 */
export function OnCallBadge() {
  const { data: entries = [] } = useQuery(onCallNowQuery(useApi()));
  const text = onCallBadgeText(entries, useAgentNames());
  return text ? (
    <a class="oncall-badge" href={onCallHref()} aria-label={text}>
      {text}
    </a>
  ) : null;
}
