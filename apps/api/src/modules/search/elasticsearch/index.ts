export { ElasticsearchBulkError, ElasticsearchEngine, createElasticsearchEngine } from './elasticsearch-engine.js';
export type { BulkFailure, ElasticsearchEngineOptions, ElasticsearchSettings, ReindexResult } from './elasticsearch-engine.js';
export { InvalidCursorError } from './cursor.js';
export { SCHEMA_VERSION, aliasName, indexSchemaVersion } from './index-definition.js';
