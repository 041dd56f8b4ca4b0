import { Client, errors, type ClientOptions, type estypes } from '@elastic/elasticsearch';
import type { TSearchQuery } from '@reachbridge/contracts';
import { NICHES, NICHE_SEARCH_LABELS, normalizeText, type Niche } from '@reachbridge/domain';
import type { InfluencerSearchDocument, SearchEngine, SearchHitResult, SearchResult, Suggestion } from '../search.port.js';
import { searchWords } from '../search-words.js';
import { aliasName, indexMappings, indexSettings, liveIndexSettings, physicalIndexName } from './index-definition.js';
import { buildSearchRequest, buildSimilarRequest, buildSuggestRequest } from './query-builder.js';
import { parseSearchResponse, parseSimilarResponse, parseSuggestResponse, type FacetAggregations } from './response-parser.js';
import { documentFromSource, toSearchSource, type InfluencerSearchSource } from './search-source.js';

/** One document Elasticsearch refused in a bulk request. */
export interface BulkFailure {
  id: string;
  status: number;
  type: string;
  reason: string;
}

/** A bulk request in which some documents failed (other than "already newer" or "already gone"). */
export class ElasticsearchBulkError extends Error {
  constructor(
    readonly operation: 'index' | 'delete',
    readonly failures: BulkFailure[],
  ) {
    const ids = [...new Set(failures.map((failure) => failure.id))];
    super(`Elasticsearch could not ${operation} ${ids.length} document(s): ${ids.join(', ')} (${failures[0]?.type ?? 'unknown'}: ${failures[0]?.reason ?? ''})`);
    this.name = 'ElasticsearchBulkError';
  }

  /** The ids that failed, each once. */
  get ids(): string[] {
    return [...new Set(this.failures.map((failure) => failure.id))];
  }
}

/** What `ElasticsearchEngine` needs. */
export interface ElasticsearchEngineOptions {
  client: Client;
  /** The read alias, `<prefix>-influencers`; physical indices are `<alias>-v<schema>-<timestamp>`. */
  alias: string;
  /** Replicas of a live index (default 1; 0 suits a single-node cluster). */
  replicas?: number;
  /** Clock for index names (tests). */
  now?: () => Date;
}

/** Outcome of a zero-downtime rebuild. */
export interface ReindexResult {
  /** The new physical index, now behind the alias. */
  index: string;
  /** The indices the alias pointed at before (deleted). */
  previous: string[];
  /** Documents loaded. */
  count: number;
}

/** Each niche's Persian label words, normalised like the typed text (`آشپزی` → `اشپزی`). */
const NICHE_LABEL_WORDS = Object.fromEntries(NICHES.map((niche) => [niche, normalizeText(NICHE_SEARCH_LABELS[niche].fa).split(' ')])) as Record<Niche, string[]>;

const isStatus = (error: unknown, status: number) => error instanceof errors.ResponseError && error.statusCode === status;

/**
 * The Elasticsearch search engine (SPEC §5, search-design §5): reads and writes through one alias,
 * rebuilds behind it without downtime. Documents carry external versions, so an older document
 * never replaces a newer one, whatever order the writes arrive in.
 */
export class ElasticsearchEngine implements SearchEngine {
  readonly name = 'elasticsearch' as const;
  readonly alias: string;
  private readonly client: Client;
  private readonly replicas: number;
  private readonly now: () => Date;
  /** The index a running reindex is filling: writes go there too until the alias moves. */
  private building: string | null = null;

  constructor(options: ElasticsearchEngineOptions) {
    this.client = options.client;
    this.alias = options.alias;
    this.replicas = options.replicas ?? 1;
    this.now = options.now ?? (() => new Date());
  }

  /** Searches the alias; `signal` aborts the HTTP request. Throws `InvalidCursorError` for a foreign cursor. */
  async search(query: TSearchQuery, options: { signal?: AbortSignal } = {}): Promise<SearchResult> {
    const request = buildSearchRequest(query);
    const response = await this.client.search<InfluencerSearchSource, FacetAggregations>({ index: this.alias, ...request }, { signal: options.signal });
    return parseSearchResponse(response, query);
  }

  /**
   * Up to three niches whose id or Persian label starts with the text, then the most-followed
   * influencers with a word of the name or a handle part starting with each typed word.
   */
  async suggest(text: string, limit: number): Promise<Suggestion[]> {
    const normalized = normalizeText(text);
    if (!normalized || limit <= 0) return [];
    const niches = NICHES.filter((niche) => niche.startsWith(normalized) || NICHE_LABEL_WORDS[niche].some((word) => word.startsWith(normalized)))
      .slice(0, 3)
      .map((niche): Suggestion => ({ kind: 'niche', value: niche, label: niche, id: null }));
    const words = searchWords(text);
    if (!words.length) return niches.slice(0, limit);
    const response = await this.client.search<Pick<InfluencerSearchSource, 'id' | 'displayName' | 'handles'>>({ index: this.alias, ...buildSuggestRequest(words, limit) });
    return [...niches, ...parseSuggestResponse(response)].slice(0, limit);
  }

  /** Look-alikes of one influencer (never itself); empty when the influencer is not indexed. */
  async similar(id: string, limit: number): Promise<SearchHitResult[]> {
    let seed: InfluencerSearchDocument;
    try {
      const found = await this.client.get<InfluencerSearchSource>({ index: this.alias, id });
      if (!found.found || !found._source) return [];
      seed = documentFromSource(found._source);
    } catch (error) {
      if (isStatus(error, 404)) return [];
      throw error;
    }
    const response = await this.client.search<InfluencerSearchSource, FacetAggregations>({ index: this.alias, ...buildSimilarRequest(seed, limit) });
    return parseSimilarResponse(response);
  }

  /** Indexes documents with their versions as external versions; a newer indexed version wins (409 = success). */
  async upsert(documents: InfluencerSearchDocument[]): Promise<void> {
    await this.bulkIndex(documents, this.writeTargets());
  }

  /** Deletes documents by id; an id that is not indexed is fine. */
  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const targets = this.writeTargets();
    const response = await this.client.bulk({ operations: ids.flatMap((id) => targets.map((index) => ({ delete: { _index: index, _id: id } }))) });
    throwOnFailures('delete', response, 404);
  }

  /** 'up' when the cluster answers a ping; never throws. */
  async health(): Promise<'up' | 'down'> {
    try {
      return (await this.client.ping()) ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }

  /** Makes indexed changes visible to search now (tests and after bulk loads). */
  async refresh(): Promise<void> {
    await this.client.indices.refresh({ index: this.alias });
  }

  /** Creates a new, empty physical index (not behind the alias yet) and returns its name. */
  async createIndex(options: { bulkLoad?: boolean } = {}): Promise<string> {
    const index = physicalIndexName(this.alias, this.now());
    await this.client.indices.create({ index, settings: indexSettings({ replicas: this.replicas, bulkLoad: options.bulkLoad ?? false }), mappings: indexMappings });
    return index;
  }

  /** The physical indices behind the alias (none when the alias does not exist). */
  async currentIndices(): Promise<string[]> {
    try {
      return Object.keys(await this.client.indices.getAlias({ name: this.alias })).sort();
    } catch (error) {
      if (isStatus(error, 404)) return [];
      throw error;
    }
  }

  /** First start: creates an index behind the alias unless the alias exists. Returns the live index. */
  async ensureIndex(): Promise<string> {
    const current = await this.currentIndices();
    if (current[0] !== undefined) return current[0];
    const index = await this.createIndex();
    await this.client.indices.updateAliases({ actions: [{ add: { index, alias: this.alias } }] });
    return index;
  }

  /**
   * Zero-downtime rebuild: a new physical index (refresh and replicas off), bulk-loaded from
   * `documents` while live writes go to both indices, then live settings, a refresh, one atomic
   * alias swap (remove old + add new) and the old indices deleted. On failure before the swap the
   * new index is deleted and the alias is untouched.
   */
  async reindex(documents: AsyncIterable<InfluencerSearchDocument[]>): Promise<ReindexResult> {
    if (this.building) throw new Error(`A reindex into ${this.building} is already running`);
    const index = await this.createIndex({ bulkLoad: true });
    this.building = index;
    let swapped = false;
    try {
      let count = 0;
      for await (const batch of documents) {
        await this.bulkIndex(batch, [index]);
        count += batch.length;
      }
      await this.client.indices.putSettings({ index, settings: liveIndexSettings(this.replicas) });
      await this.client.indices.refresh({ index });
      const previous = (await this.currentIndices()).filter((name) => name !== index);
      await this.client.indices.updateAliases({
        actions: [...previous.map((old) => ({ remove: { index: old, alias: this.alias } })), { add: { index, alias: this.alias } }],
      });
      swapped = true;
      this.building = null;
      if (previous.length > 0) await this.client.indices.delete({ index: previous });
      return { index, previous, count };
    } catch (error) {
      this.building = null;
      if (!swapped) await this.client.indices.delete({ index }).catch(() => undefined);
      throw error;
    }
  }

  /** Deletes every index behind the alias (test teardown, `search drop`). */
  async dropIndices(): Promise<void> {
    const current = await this.currentIndices();
    if (current.length > 0) await this.client.indices.delete({ index: current });
  }

  /** Closes the client's connections. */
  async close(): Promise<void> {
    await this.client.close();
  }

  private writeTargets(): string[] {
    return this.building ? [this.alias, this.building] : [this.alias];
  }

  private async bulkIndex(documents: InfluencerSearchDocument[], targets: string[]): Promise<void> {
    if (documents.length === 0) return;
    const operations = documents.flatMap((doc) => {
      const source = toSearchSource(doc);
      return targets.flatMap((index) => [{ index: { _index: index, _id: doc.id, version: doc.version, version_type: 'external' as const } }, source]);
    });
    const response = await this.client.bulk<InfluencerSearchSource>({ operations });
    throwOnFailures('index', response, 409);
  }
}

/** Throws `ElasticsearchBulkError` for failed items, except those with the `tolerated` status. */
function throwOnFailures(operation: 'index' | 'delete', response: estypes.BulkResponse, tolerated: number): void {
  if (!response.errors) return;
  const failures: BulkFailure[] = [];
  for (const item of response.items) {
    const result = item[operation];
    if (!result?.error || result.status === tolerated) continue;
    failures.push({ id: result._id ?? '?', status: result.status, type: result.error.type, reason: result.error.reason ?? '' });
  }
  if (failures.length > 0) throw new ElasticsearchBulkError(operation, failures);
}

/** The `config.search.elasticsearch` settings. */
export interface ElasticsearchSettings {
  url: string;
  indexPrefix: string;
  timeoutMs: number;
}

/**
 * Builds the engine from settings: a client with a request timeout (searches never hang) and one
 * retry. `clientOptions` is for tests (a mock `Connection`).
 */
export function createElasticsearchEngine(
  settings: ElasticsearchSettings,
  options: { replicas?: number; clientOptions?: Partial<ClientOptions> } = {},
): ElasticsearchEngine {
  const client = new Client({ node: settings.url, requestTimeout: settings.timeoutMs, maxRetries: 1, ...options.clientOptions });
  return new ElasticsearchEngine({ client, alias: aliasName(settings.indexPrefix), ...(options.replicas === undefined ? {} : { replicas: options.replicas }) });
}
