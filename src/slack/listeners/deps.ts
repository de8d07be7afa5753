/** @module What every Slack listener gets: the core services, identity resolution and a logger. */
import type { Sposa } from '../../compose.js';
import type { AnswerRateLimit, Conversations } from '../../conversations/index.js';
import type { Logger } from '../../shared/logger.js';
import type { SlackIdentity } from '../identity.js';

export interface SlackDeps {
  sposa: Sposa;
  conversations: Conversations;
  identity: SlackIdentity;
  /** Checked before an answer is computed. */
  answerLimit: AnswerRateLimit;
  logger: Logger;
}
