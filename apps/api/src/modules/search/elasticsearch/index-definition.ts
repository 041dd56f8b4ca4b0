import type { estypes } from '@elastic/elasticsearch';
import { AGE_BUCKETS, CURRENCY_CODES, DELIVERABLE_TYPES, GENDERS, type DeliverableType } from '@reachbridge/domain';

/**
 * The Elasticsearch index for `InfluencerSearchDocument`s (search-design §5.1–5.2, adapted to our
 * document): a custom Persian analysis chain that behaves the same on ES 8 and 9, English and
 * "joined" (ZWNJ removed) sub-fields, keyword sub-fields for facets, audience shares as numeric
 * fields that `range` queries hit directly, and precomputed cheapest prices per currency (and per
 * currency and deliverable) for `priceMax` and `sort=price`.
 *
 * Bump `SCHEMA_VERSION` whenever the settings, mappings or the source shape change; a reindex then
 * builds `<alias>-v<schema>-<timestamp>` and swaps the alias over to it.
 */
export const SCHEMA_VERSION = 2;

/** The read (and write) alias: `<prefix>-influencers`. */
export function aliasName(indexPrefix: string): string {
  return `${indexPrefix}-influencers`;
}

/** A new physical index name behind `alias`: `<alias>-v<schema>-<yyyymmddhhmmssSSS>` (UTC). */
export function physicalIndexName(alias: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T.Z]/g, '');
  return `${alias}-v${SCHEMA_VERSION}-${stamp}`;
}

/** The schema version a physical index was built for (from its name), or null for a name this code did not make. */
export function indexSchemaVersion(index: string): number | null {
  const match = /-v(\d+)-\d{17}$/.exec(index);
  return match ? Number(match[1]) : null;
}

/** Field that holds the cheapest rate in `currency` (for `deliverable`, or over all deliverables). */
export function priceField(currency: string, deliverable?: DeliverableType): string {
  return deliverable ? `price_min.${currency}_${deliverable}` : `price_min.${currency}`;
}

/** The four audience breakdowns, by the name the document uses. */
export type AudienceDimension = 'countries' | 'ages' | 'genders' | 'languages';

/** Field that holds the audience share (percent) of one key, e.g. `audience.countries.IR`. */
export function audienceField(dimension: AudienceDimension, key: string): string {
  return `audience.${dimension}.${key}`;
}

/** Countries whose audience share is at least this many percent count as "top" (audienceCountry facet, look-alikes). */
export const TOP_AUDIENCE_COUNTRY_MIN_SHARE = 10;

/**
 * Shares and rates are `double`: a 64-bit float, so range filters and the cost-per-targeted-
 * thousand script see exactly the numbers the document (and the PostgreSQL engine) has.
 */
const percent: estypes.MappingProperty = { type: 'double' };
const money: estypes.MappingProperty = { type: 'long' };

const STRIP_MARKS = '[\\u064B-\\u065F\\u0670\\u0640\\u200D\\u200E\\u200F\\uFEFF]';

const analysis: estypes.IndicesIndexSettingsAnalysis = {
  char_filter: {
    // Harakat, superscript alef, tatweel, ZWJ, LRM/RLM, BOM: deleted (search-design §7.2 rule 3).
    fa_strip_marks: { type: 'pattern_replace', pattern: STRIP_MARKS, replacement: '' },
    // The `.joined` variant: ZWNJ deleted, so کتاب‌ها indexes as کتابها.
    fa_zwnj_join: { type: 'pattern_replace', pattern: '\\u200C', replacement: '' },
    // Fold to Persian letters; ZWNJ, NBSP and narrow NBSP become spaces (rules 2 and 5).
    fa_chars: {
      type: 'mapping',
      mappings: [
        '\\u064A=>\\u06CC',
        '\\u0649=>\\u06CC',
        '\\u06D2=>\\u06CC',
        '\\u0643=>\\u06A9',
        '\\u0629=>\\u0647',
        '\\u06C0=>\\u0647',
        '\\u06C1=>\\u0647',
        '\\u06BE=>\\u0647',
        '\\u0622=>\\u0627',
        '\\u0623=>\\u0627',
        '\\u0625=>\\u0627',
        '\\u0671=>\\u0627',
        '\\u200C=>\\u0020',
        '\\u00A0=>\\u0020',
        '\\u202F=>\\u0020',
      ],
    },
    handle_clean: { type: 'pattern_replace', pattern: '^@+', replacement: '' },
  },
  tokenizer: {
    // A handle's parts (split at `.`, `_`, `-`), each from its start: `sarah.bednar` → s, sa, …, b, be, ….
    handle_edge: { type: 'edge_ngram', min_gram: 1, max_gram: 30, token_chars: ['letter', 'digit'] },
  },
  filter: {
    en_possessive: { type: 'stemmer', language: 'possessive_english' },
    en_stemmer: { type: 'stemmer', language: 'english' },
    en_stop: { type: 'stop', stopwords: '_english_' },
    edge_1_20: { type: 'edge_ngram', min_gram: 1, max_gram: 20 },
  },
  analyzer: {
    // `decimal_digit` turns Persian and Arabic-Indic digits into 0–9 (rule 4).
    fa_text: {
      type: 'custom',
      tokenizer: 'standard',
      char_filter: ['fa_strip_marks', 'fa_chars'],
      filter: ['lowercase', 'decimal_digit', 'arabic_normalization', 'persian_normalization'],
    },
    fa_text_joined: {
      type: 'custom',
      tokenizer: 'standard',
      char_filter: ['fa_zwnj_join', 'fa_strip_marks', 'fa_chars'],
      filter: ['lowercase', 'decimal_digit', 'arabic_normalization', 'persian_normalization'],
    },
    en_text: { type: 'custom', tokenizer: 'standard', filter: ['en_possessive', 'lowercase', 'en_stop', 'en_stemmer'] },
    fa_autocomplete: {
      type: 'custom',
      tokenizer: 'standard',
      char_filter: ['fa_strip_marks', 'fa_chars'],
      filter: ['lowercase', 'decimal_digit', 'arabic_normalization', 'persian_normalization', 'edge_1_20'],
    },
    handle_autocomplete: { type: 'custom', tokenizer: 'handle_edge', char_filter: ['handle_clean'], filter: ['lowercase'] },
    handle_search: { type: 'custom', tokenizer: 'keyword', char_filter: ['handle_clean'], filter: ['lowercase', 'trim'] },
  },
  normalizer: {
    // Facet keys stay readable Persian: only per-character folding, no Lucene normalisers.
    kw_fa: { type: 'custom', char_filter: ['fa_strip_marks', 'fa_chars'], filter: ['lowercase', 'decimal_digit', 'trim'] },
    kw_handle: { type: 'custom', char_filter: ['handle_clean'], filter: ['lowercase', 'trim'] },
  },
};

/** Index settings; `bulkLoad` turns refresh and replicas off while a reindex fills a new index. */
export function indexSettings(options: { replicas: number; bulkLoad?: boolean }): estypes.IndicesIndexSettings {
  return {
    number_of_shards: 1,
    number_of_replicas: options.bulkLoad ? 0 : options.replicas,
    refresh_interval: options.bulkLoad ? '-1' : '1s',
    max_result_window: 10_000,
    mapping: { total_fields: { limit: 2000 } },
    analysis,
  };
}

/** Settings restored on a freshly loaded index before the alias moves to it. */
export function liveIndexSettings(replicas: number): estypes.IndicesIndexSettings {
  return { index: { number_of_replicas: replicas, refresh_interval: '1s' } };
}

/** Persian main field, ZWNJ-joined and English sub-fields. */
const fullText = (extra: Record<string, estypes.MappingProperty> = {}): estypes.MappingProperty => ({
  type: 'text',
  analyzer: 'fa_text',
  fields: {
    joined: { type: 'text', analyzer: 'fa_text_joined' },
    en: { type: 'text', analyzer: 'en_text' },
    ...extra,
  },
});

const priceProperties: Record<string, estypes.MappingProperty> = Object.fromEntries(
  CURRENCY_CODES.flatMap((currency) => [
    [currency, money],
    ...DELIVERABLE_TYPES.map((deliverable) => [`${currency}_${deliverable}`, money] as const),
  ]),
);

/** Field mappings: strict at the root; country and language shares are the only dynamic keys. */
export const indexMappings: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  _meta: { schema_version: SCHEMA_VERSION },
  dynamic_templates: [
    { audience_country_share: { path_match: 'audience.countries.*', mapping: { type: 'double' } } },
    { audience_language_share: { path_match: 'audience.languages.*', mapping: { type: 'double' } } },
  ],
  properties: {
    id: { type: 'keyword' },
    version: { type: 'long', index: false },
    slug: { type: 'keyword', index: false },
    displayName: fullText({
      ac: { type: 'text', analyzer: 'fa_autocomplete', search_analyzer: 'fa_text' },
      kw: { type: 'keyword', normalizer: 'kw_fa', ignore_above: 256 },
    }),
    bio: fullText(),
    handles: {
      type: 'keyword',
      normalizer: 'kw_handle',
      fields: {
        text: { type: 'text', analyzer: 'fa_text' },
        ac: { type: 'text', analyzer: 'handle_autocomplete', search_analyzer: 'handle_search' },
      },
    },
    niches: { type: 'keyword' },
    niche_labels: fullText(),
    spelling_variants: { type: 'text', analyzer: 'fa_text' },
    platforms: { type: 'keyword' },
    country: { type: 'keyword' },
    city: { type: 'keyword', normalizer: 'kw_fa', fields: { text: { type: 'text', analyzer: 'fa_text' } } },
    languages: { type: 'keyword' },
    totalFollowers: { type: 'long' },
    tier: { type: 'keyword' },
    engagementRate: percent,
    growth30d: percent,
    qualityScore: { type: 'integer' },
    provenance: { type: 'keyword' },
    audience: {
      type: 'object',
      properties: {
        // Keys are ISO codes (whitelisted by `toSearchSource`), mapped by the dynamic templates.
        countries: { type: 'object', dynamic: true, properties: {} },
        ages: { type: 'object', properties: Object.fromEntries(AGE_BUCKETS.map((bucket) => [bucket, percent])) },
        genders: { type: 'object', properties: Object.fromEntries(GENDERS.map((gender) => [gender, percent])) },
        languages: { type: 'object', dynamic: true, properties: {} },
      },
    },
    // Kept in `_source` for the hit; searched through `price_min`.
    rates: { type: 'object', enabled: false },
    updatedAt: { type: 'date' },
    price_min: { type: 'object', properties: priceProperties },
    audience_top_countries: { type: 'keyword' },
  },
};
