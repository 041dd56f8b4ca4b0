/**
 * Persian (and Arabic-script) text normalisation: the single source of truth applied to text when
 * it is indexed and when it is queried, in both search engines (SPEC §5, search-design §7).
 *
 * The rules, in order:
 * 1. Unicode NFC (compose `ا` + U+0653 into `آ`, `ه` + U+0654 into `ۀ`, so rule 2 sees one letter).
 *    Deliberately NFC and not NFKC: Elasticsearch has no NFKC without the ICU plugin, so NFKC would
 *    make the engines disagree on fancy-font names (`𝓯𝓪𝓼𝓱𝓲𝓸𝓷`) and Arabic presentation forms.
 * 2. Fold letters to their Persian forms — `ي ى ے → ی`, `ك → ک`, `ة ۀ ہ ھ → ه`, `آ أ إ ٱ → ا` — and
 *    Persian (`۰–۹`) and Arabic-Indic (`٠–٩`) digits to `0–9`.
 * 3. Delete harakat (U+064B–U+065F, which includes hamza above and madda), superscript alef
 *    (U+0670), tatweel (U+0640), and invisible format characters: ZWJ, LRM/RLM, BOM (as in the
 *    reference), plus zero-width space, word joiner, soft hyphen and the bidi embedding/isolate
 *    controls that right-to-left apps insert around mixed-direction text.
 * 4. ZWNJ (U+200C), NBSP, narrow NBSP and every other whitespace character become a space; runs of
 *    spaces collapse to one; leading and trailing spaces go. ({@link joinedVariant} deletes the ZWNJ
 *    instead, for the "joined" spelling.)
 * 5. Lower-case, one code point at a time (Unicode simple case mapping, as PostgreSQL's `lower()`
 *    and Lucene's `lowercase` do): no context-dependent final sigma, `İ → i`.
 * 6. NFC again, so a mark that rule 3 brought next to its base letter is composed and the function
 *    stays idempotent.
 *
 * {@link PERSIAN_NORMALIZE_SQL_FUNCTION} is generated from the same tables, so the SQL twin cannot
 * drift. A parity test against a real PostgreSQL (random strings over the tricky code points below,
 * `SELECT fa_normalize($1)` equal to `normalizeText`) belongs in the API's integration tests.
 */

/** An inclusive range of BMP code points. */
type CodePointRange = readonly [first: number, last: number];

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** One code point → one code point (SQL `translate` needs exactly that). */
const FOLDS: readonly (readonly [from: string, to: string])[] = [
  ['\u064A', '\u06CC'], // ي Arabic yeh → ی
  ['\u0649', '\u06CC'], // ى alef maksura → ی
  ['\u06D2', '\u06CC'], // ے yeh barree → ی
  ['\u0643', '\u06A9'], // ك Arabic kaf → ک
  ['\u0629', '\u0647'], // ة teh marbuta → ه
  ['\u06C0', '\u0647'], // ۀ heh with yeh above → ه
  ['\u06C1', '\u0647'], // ہ heh goal → ه
  ['\u06BE', '\u0647'], // ھ heh doachashmee → ه
  ['\u0622', '\u0627'], // آ alef with madda → ا
  ['\u0623', '\u0627'], // أ alef with hamza above → ا
  ['\u0625', '\u0627'], // إ alef with hamza below → ا
  ['\u0671', '\u0627'], // ٱ alef wasla → ا
  ...Array.from({ length: 10 }, (_, digit) => [String.fromCharCode(ARABIC_INDIC_ZERO + digit), String(digit)] as const),
  ...Array.from({ length: 10 }, (_, digit) => [String.fromCharCode(PERSIAN_ZERO + digit), String(digit)] as const),
];

/** Deleted outright. */
const DELETED: readonly CodePointRange[] = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x061c, 0x061c], // Arabic letter mark
  [0x0640, 0x0640], // tatweel (kashida)
  [0x064b, 0x065f], // harakat, hamza above/below, madda
  [0x0670, 0x0670], // superscript alef
  [0x200b, 0x200b], // zero-width space
  [0x200d, 0x200f], // ZWJ, LRM, RLM
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2060, 0x2060], // word joiner
  [0x2066, 0x2069], // bidi isolates
  [0xfeff, 0xfeff], // BOM / zero-width no-break space
];

/** Become one space (runs collapse, ends are trimmed). */
const SPACES: readonly CodePointRange[] = [
  [0x0009, 0x000d], // tab, line feed, vertical tab, form feed, carriage return
  [0x0020, 0x0020], // space
  [0x0085, 0x0085], // next line
  [0x00a0, 0x00a0], // no-break space
  [0x1680, 0x1680], // ogham space mark
  [0x2000, 0x200a], // en quad … hair space
  [0x200c, 0x200c], // zero-width non-joiner (نیم‌فاصله)
  [0x2028, 0x2029], // line and paragraph separators
  [0x202f, 0x202f], // narrow no-break space
  [0x205f, 0x205f], // medium mathematical space
  [0x3000, 0x3000], // ideographic space
];

const hex4 = (codePoint: number) => codePoint.toString(16).toUpperCase().padStart(4, '0');

/** A bracket expression with `\uXXXX` escapes: valid in JavaScript (`u` flag) and PostgreSQL AREs alike. */
function toCharacterClass(ranges: readonly CodePointRange[]): string {
  const parts = ranges.map(([first, last]) => (first === last ? `\\u${hex4(first)}` : `\\u${hex4(first)}-\\u${hex4(last)}`));
  return `[${parts.join('')}]`;
}

const FOLD_MAP = new Map<string, string>(FOLDS);
const FOLD_PATTERN = new RegExp(`[${FOLDS.map(([from]) => from).join('')}]`, 'gu');
const DELETED_CLASS = toCharacterClass(DELETED);
const SPACES_CLASS = toCharacterClass(SPACES);
const DELETED_PATTERN = new RegExp(DELETED_CLASS, 'gu');
const SPACE_RUN_PATTERN = new RegExp(`${SPACES_CLASS}+`, 'gu');
const CHANGES_WHEN_LOWERCASED = /\p{Changes_When_Lowercased}/gu;
const ZWNJ_PATTERN = /\u200C/g;
const CAPITAL_I_WITH_DOT = '\u0130';

/** Simple (one code point → one code point) lower-case mapping; `toLowerCase` maps only `İ` to two. */
const lowerCodePoint = (char: string) => (char === CAPITAL_I_WITH_DOT ? 'i' : char.toLowerCase());

/**
 * Normalises text for search — indexing and querying alike, in both engines: Persian letter forms,
 * no diacritics or tatweel, Latin digits, ZWNJ and all whitespace as single spaces, trimmed,
 * lower-case. Idempotent. See the module comment for the exact rules.
 */
export function normalizeText(input: string): string {
  return input
    .normalize('NFC')
    .replace(FOLD_PATTERN, (char) => FOLD_MAP.get(char) ?? char)
    .replace(DELETED_PATTERN, '')
    .replace(SPACE_RUN_PATTERN, ' ')
    .replace(/^ | $/g, '')
    .replace(CHANGES_WHEN_LOWERCASED, lowerCodePoint)
    .normalize('NFC');
}

/**
 * The "joined" spelling: like {@link normalizeText} but a ZWNJ is deleted instead of becoming a
 * space, so `کتاب‌ها` gives `کتابها` (the reference's `.joined` field; SQL:
 * `fa_normalize(replace(x, U&'\200C', ''))`).
 */
export function joinedVariant(input: string): string {
  return normalizeText(input.replace(ZWNJ_PATTERN, ''));
}

/**
 * Persian affixes that people often type as separate words (`کتاب ها`, `می خواهم`), in normalised
 * form. Suffixes attach to the word before, prefixes to the word after.
 */
const DETACHED_SUFFIXES: ReadonlySet<string> = new Set([
  'ها', 'های', 'هایی', 'هایم', 'هایت', 'هایش', 'هایمان', 'هایتان', 'هایشان',
  'ی', 'ای', 'تر', 'ترین', 'ام', 'ات', 'اش', 'مان', 'تان', 'شان', 'اند', 'ایم', 'اید',
].map(normalizeText));
const DETACHED_PREFIXES: ReadonlySet<string> = new Set(['می', 'نمی', 'بی', 'نا'].map(normalizeText));
const ARABIC_SCRIPT_WORD = /^\p{Script=Arabic}+$/u;

/**
 * The "attached" spelling: normalised text in which detached Persian affixes are glued to their
 * word — `کتاب ها` → `کتابها`, `می خواهم` → `میخواهم`, `خانه ی من` → `خانهی من`. This closes the gap the
 * reference leaves open (typed `کتاب ها` against stored `کتابها`). Only whole tokens from a short
 * affix list are glued, and only to Arabic-script words.
 */
export function attachedVariant(input: string): string {
  const glued: string[] = [];
  let prefix = '';
  for (const token of normalizeText(input).split(' ')) {
    if (!token) continue;
    const isWord = ARABIC_SCRIPT_WORD.test(token);
    const previous = glued.at(-1);
    if (prefix && isWord) {
      glued[glued.length - 1] = prefix + token;
      prefix = '';
    } else if (!prefix && isWord && DETACHED_SUFFIXES.has(token) && previous !== undefined && ARABIC_SCRIPT_WORD.test(previous)) {
      glued[glued.length - 1] = previous + token;
    } else {
      glued.push(token);
      prefix = isWord && DETACHED_PREFIXES.has(token) ? token : '';
    }
  }
  return glued.join(' ');
}

/**
 * Every spelling of a text that search should know: split at ZWNJ ({@link normalizeText}), ZWNJ
 * deleted ({@link joinedVariant}), and each with detached affixes glued ({@link attachedVariant}).
 * Distinct, split form first; each is already normalised. Used on both sides: index all of a
 * document's variants and OR all of a query's, and `شبکه‌های`, `شبکههای` and `شبکه های` find each
 * other.
 */
export function spellingVariants(input: string): string[] {
  const split = normalizeText(input);
  const joined = joinedVariant(input);
  return [...new Set([split, joined, attachedVariant(split), attachedVariant(joined)])];
}

/** The spellings to OR together for a search query (the same set documents are indexed under). */
export function queryVariants(query: string): string[] {
  return spellingVariants(query);
}

/** The spellings to index a document's text under (the same set queries are expanded to). */
export function indexVariants(text: string): string[] {
  return spellingVariants(text);
}

const sqlLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * `fa_normalize(text)`: the PostgreSQL twin of {@link normalizeText}, for a migration to install.
 * Generated from the same tables, so the rules are identical. Needs a UTF-8 database (for
 * `normalize()` and a Unicode-aware `lower()`, e.g. `C.UTF-8`) and PostgreSQL ≥ 13.
 *
 * Stored generated columns are not recomputed when a function they call is replaced: if these
 * rules ever change, install the new version under a new name (`fa_normalize_v2`) and rebuild the
 * columns in the same migration.
 */
export const PERSIAN_NORMALIZE_SQL_FUNCTION = `CREATE OR REPLACE FUNCTION fa_normalize(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fa_normalize$
  SELECT normalize(
    lower(
      btrim(
        regexp_replace(
          regexp_replace(
            translate(normalize(t, NFC),
              ${sqlLiteral(FOLDS.map(([from]) => from).join(''))},
              ${sqlLiteral(FOLDS.map(([, to]) => to).join(''))}),
            ${sqlLiteral(DELETED_CLASS)}, '', 'g'),
          ${sqlLiteral(`${SPACES_CLASS}+`)}, ' ', 'g'),
        ' ')),
    NFC)
$fa_normalize$`;

/**
 * The rule tables behind {@link normalizeText}, for configuring other engines (Elasticsearch char
 * filters) from the same source: single-character folds, and the deleted and whitespace
 * characters as regular-expression character classes (`\uXXXX` escapes).
 */
export const PERSIAN_NORMALIZATION_RULES = {
  folds: FOLDS,
  deletedCharacterClass: DELETED_CLASS,
  whitespaceCharacterClass: SPACES_CLASS,
} as const;
