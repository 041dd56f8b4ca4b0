import type { estypes } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, aliasName, audienceField, indexMappings, indexSchemaVersion, indexSettings, liveIndexSettings, physicalIndexName, priceField } from './index-definition.js';
import { otherSampleDocument, sampleDocument } from './sample-documents.js';
import { toSearchSource } from './search-source.js';

const analysis = indexSettings({ replicas: 1 }).analysis!;

/** `\uXXXX` escapes as Elasticsearch reads them in mapping rules. */
const unescape = (rule: string) => rule.replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Runs the index's char filters in JS (pattern_replace patterns are JS-compatible; mappings are literal). */
function charFilter(name: string, text: string): string {
  const filter = analysis.char_filter![name] as { type: string; pattern?: string; replacement?: string; mappings?: string[] };
  if (filter.type === 'pattern_replace') return text.replace(new RegExp(filter.pattern!, 'gu'), filter.replacement ?? '');
  let out = text;
  for (const rule of filter.mappings!) {
    const [from, to] = unescape(rule).split('=>') as [string, string];
    out = out.split(from).join(to);
  }
  return out;
}

function analyzerChars(analyzer: string, text: string): string {
  const definition = analysis.analyzer![analyzer] as { char_filter?: string[] };
  return (definition.char_filter ?? []).reduce((value, name) => charFilter(name, value), text);
}

describe('index names', () => {
  it('reads through <prefix>-influencers and versions physical indices by schema and time', () => {
    expect(aliasName('reachbridge')).toBe('reachbridge-influencers');
    expect(physicalIndexName('reachbridge-influencers', new Date('2026-04-05T06:07:08.009Z'))).toBe(`reachbridge-influencers-v${SCHEMA_VERSION}-20260405060708009`);
    expect(indexSchemaVersion(physicalIndexName('reachbridge-influencers'))).toBe(SCHEMA_VERSION);
    expect(indexSchemaVersion('reachbridge-influencers-v1-20260101000000000')).toBe(1);
    expect(indexSchemaVersion('influencers-by-hand')).toBeNull();
  });

  it('names price and audience fields', () => {
    expect(priceField('USD')).toBe('price_min.USD');
    expect(priceField('EUR', 'story')).toBe('price_min.EUR_story');
    expect(audienceField('countries', 'IR')).toBe('audience.countries.IR');
  });
});

describe('settings', () => {
  it('turns refresh and replicas off for a bulk load and back on for live use', () => {
    expect(indexSettings({ replicas: 2, bulkLoad: true })).toMatchObject({ number_of_replicas: 0, refresh_interval: '-1' });
    expect(indexSettings({ replicas: 2 })).toMatchObject({ number_of_shards: 1, number_of_replicas: 2, refresh_interval: '1s', max_result_window: 10_000 });
    expect(liveIndexSettings(2)).toEqual({ index: { number_of_replicas: 2, refresh_interval: '1s' } });
  });

  it('defines every analyzer, normalizer, char filter and token filter it references', () => {
    const builtinFilters = new Set(['lowercase', 'decimal_digit', 'arabic_normalization', 'persian_normalization', 'trim']);
    for (const definition of [...Object.values(analysis.analyzer!), ...Object.values(analysis.normalizer!)] as { char_filter?: string[]; filter?: string[]; tokenizer?: string }[]) {
      for (const name of definition.char_filter ?? []) expect(analysis.char_filter).toHaveProperty([name]);
      for (const name of definition.filter ?? []) expect(builtinFilters.has(name) || name in analysis.filter!).toBe(true);
      if (definition.tokenizer && !['standard', 'keyword'].includes(definition.tokenizer)) expect(analysis.tokenizer).toHaveProperty([definition.tokenizer]);
    }
    const used = JSON.stringify(indexMappings).matchAll(/"(?:analyzer|search_analyzer|normalizer)":"([^"]+)"/g);
    for (const [, name] of used) expect({ ...analysis.analyzer, ...analysis.normalizer }).toHaveProperty([name!]);
  });
});

describe('Persian normalisation in the char filters (search-design §7.4)', () => {
  it.each([
    ['كيك يزدي', 'کیک یزدی'],
    ['کِتابِ خُوب', 'کتاب خوب'],
    ['بادبــــــادک', 'بادبادک'],
    ['خانهٔ', 'خانه'],
    ['خانۀ', 'خانه'],
    ['أسعار إيران', 'اسعار ایران'],
    ['آرایش', 'ارایش'],
    ['\u200Fمتن\u200D\uFEFF', 'متن'],
  ])('%s → %s', (input, expected) => {
    expect(analyzerChars('fa_text', input)).toBe(expected);
    expect(analyzerChars('fa_text_joined', input)).toBe(expected);
  });

  it('splits at ZWNJ in the main field and joins in .joined', () => {
    expect(analyzerChars('fa_text', 'می‌خواهم کتاب‌ها')).toBe('می خواهم کتاب ها');
    expect(analyzerChars('fa_text_joined', 'می‌خواهم کتاب‌ها')).toBe('میخواهم کتابها');
    expect(analyzerChars('fa_text', 'a\u00A0b\u202Fc')).toBe('a b c');
  });

  it('folds digits with decimal_digit and case with lowercase in every Persian chain', () => {
    for (const name of ['fa_text', 'fa_text_joined', 'fa_autocomplete']) {
      expect((analysis.analyzer![name] as { filter: string[] }).filter).toEqual(expect.arrayContaining(['lowercase', 'decimal_digit']));
    }
    expect((analysis.normalizer!.kw_fa as { filter: string[] }).filter).toEqual(['lowercase', 'decimal_digit', 'trim']);
  });

  it('has English sub-fields with stemming, and keyword sub-fields for exact values', () => {
    const name = indexMappings.properties!.displayName as estypes.MappingTextProperty;
    expect(name.analyzer).toBe('fa_text');
    expect(name.fields).toMatchObject({ joined: { analyzer: 'fa_text_joined' }, en: { analyzer: 'en_text' }, kw: { type: 'keyword', normalizer: 'kw_fa' } });
    expect(analysis.analyzer!.en_text).toMatchObject({ filter: ['en_possessive', 'lowercase', 'en_stop', 'en_stemmer'] });
  });
});

/** The parts of a mapped property the checker reads. */
interface LooseProperty {
  type?: string;
  enabled?: boolean;
  properties?: Record<string, LooseProperty>;
}

/** Checks a `_source` against a strict mapping (dynamic keys only where a dynamic template allows). */
function unmappedPaths(source: Record<string, unknown>, properties: Record<string, LooseProperty>, prefix = ''): string[] {
  const templates = (indexMappings.dynamic_templates ?? []).flatMap((entry) => Object.values(entry)).map((template) => template!.path_match as string);
  const allowedByTemplate = (path: string) => templates.some((pattern) => new RegExp(`^${pattern.replace(/\./g, '\\.').replace('*', '[^.]+')}$`).test(path));
  const missing: string[] = [];
  for (const [key, value] of Object.entries(source)) {
    const path = `${prefix}${key}`;
    const property = properties[key];
    if (!property) {
      if (!allowedByTemplate(path)) missing.push(path);
      continue;
    }
    if (property.type === 'object' || (property.properties && !property.type)) {
      if (property.enabled === false) continue;
      if (value && typeof value === 'object' && !Array.isArray(value)) missing.push(...unmappedPaths(value as Record<string, unknown>, property.properties ?? {}, `${path}.`));
    }
  }
  return missing;
}

const rootProperties = indexMappings.properties as Record<string, LooseProperty>;

describe('mappings', () => {
  it('is strict, versioned, and maps countries and languages by dynamic template only', () => {
    expect(indexMappings.dynamic).toBe('strict');
    expect(indexMappings._meta).toEqual({ schema_version: SCHEMA_VERSION });
    expect(indexMappings.dynamic_templates).toEqual([
      { audience_country_share: { path_match: 'audience.countries.*', mapping: { type: 'double' } } },
      { audience_language_share: { path_match: 'audience.languages.*', mapping: { type: 'double' } } },
    ]);
  });

  it('maps every field of the indexed source (no strict-mapping rejections)', () => {
    for (const doc of [sampleDocument(), otherSampleDocument()]) {
      expect(unmappedPaths(toSearchSource(doc) as unknown as Record<string, unknown>, rootProperties)).toEqual([]);
    }
  });

  it('would reject a field it does not know (the checker works)', () => {
    expect(unmappedPaths({ surprise: 1, audience: { ages: { '99+': 1 } } }, rootProperties)).toEqual(['surprise', 'audience.ages.99+']);
  });

  it('has a numeric price field per currency and per currency and deliverable', () => {
    const price = (indexMappings.properties!.price_min as estypes.MappingObjectProperty).properties!;
    expect(price.USD).toEqual({ type: 'long' });
    expect(price.TRY_reel).toEqual({ type: 'long' });
    expect(Object.keys(price)).toHaveLength(7 * 7);
  });

  it('keeps rates in _source without indexing them', () => {
    expect(indexMappings.properties!.rates).toEqual({ type: 'object', enabled: false });
  });
});
