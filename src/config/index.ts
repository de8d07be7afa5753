export { loadConfig } from './load.js';
export { type Config, type DatabaseConfig, type Env, envSchema } from './schema.js';
