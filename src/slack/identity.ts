/** @module Slack identity: who a Slack user is to SPOSA (an Asker), including manager group membership. */
import type { WebClient } from '@slack/web-api';
import type { Asker } from '../assistant/index.js';

/** How long a user group's membership is trusted before it is read again. */
const GROUP_TTL_MS = 5 * 60_000;

/**
 * Resolves Slack users to Askers. Manager ids in the configuration may be user ids (U…/W…) or user-group ids (S…);
 * group members are looked up with usergroups.users.list and cached.
 */
export function slackIdentity(client: WebClient, managerIds: readonly string[]) {
  const groups = managerIds.filter((id) => id.startsWith('S'));
  const cache = new Map<string, { members: Set<string>; at: number }>();
  async function members(group: string): Promise<Set<string>> {
    const hit = cache.get(group);
    if (hit && Date.now() - hit.at < GROUP_TTL_MS) return hit.members;
    try {
      const result = await client.usergroups.users.list({ usergroup: group });
      const set = new Set(result.users ?? []);
      cache.set(group, { members: set, at: Date.now() });
      return set;
    } catch {
      // Without the usergroups:read scope nobody is a manager through this group; failing closed is the safe side.
      return hit?.members ?? new Set();
    }
  }
  return {
    async asker(userId: string): Promise<Asker> {
      const memberOf: string[] = [];
      for (const group of groups) if ((await members(group)).has(userId)) memberOf.push(group);
      return { id: userId, groups: memberOf };
    },
  };
}

export type SlackIdentity = ReturnType<typeof slackIdentity>;
