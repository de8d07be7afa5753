export { loadConfig, secretsOf } from './load.js';
export { type Config, type DatabaseConfig, type Env, envSchema, type LlmConfig, type SlackConfig } from './schema.js';
