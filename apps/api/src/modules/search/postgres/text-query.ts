import { searchWords } from '../search-words.js';

const ZWNJ = /\u200C/g;
/** Arabic-script letters: short parts of Persian words (ها, ی, تر, می…) are often typed apart. */
const ARABIC_SCRIPT = /^[\u0600-\u06FF]+$/;

export interface ParsedText {
  /** tsquery for the `simple` configuration, or null when nothing searchable is left. */
  tsquery: string | null;
  /** tsquery of the excluded words (`-word`), or null. */
  excluded: string | null;
  /** The normalised free text, for trigram similarity on names and handles. */
  plain: string;
  /** The tokens matched as prefixes (the last word's), for the term dictionary to expand. */
  prefixes: string[];
}

/** Per prefix token, the dictionary's words that start with it (migration 1764979200000). */
export type PrefixExpansions = ReadonlyMap<string, readonly string[]>;

/** Tokens are stripped of tsquery syntax; dictionary words are quoted (a quote doubled, a backslash escaped). */
const quoted = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * A token as a tsquery operand. A prefix becomes the exact words the dictionary knows to start
 * with it (the token itself included) — exact words the index intersects without a recheck —, or
 * a `:*` prefix match when the dictionary knows none.
 */
function lexeme(token: string, prefix: boolean, expansions?: PrefixExpansions): string {
  if (!prefix || token.length < 2) return quoted(token);
  const words = expansions?.get(token);
  if (!words?.length) return `${quoted(token)}:*`;
  return `(${[token, ...words.filter((word) => word !== token)].map(quoted).join(' | ')})`;
}

/** Typeahead: every word (`searchWords`) must start a word of the name or a handle part: `'sara':* & 'bed':*`. */
export function namePrefixQuery(words: readonly string[]): string {
  return words.map((word) => `${quoted(word)}:*`).join(' & ');
}

/**
 * Typeahead's cheap test before a name is parsed: each word must follow the start of the name or a
 * character that is not a letter or digit, as every word of the parsed name does (one POSIX regular
 * expression per word, for `~ ALL`).
 */
export function wordStartPatterns(words: readonly string[]): string[] {
  return words.map((word) => `(^|[^[:alnum:]])${word.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')}`);
}

/** Adjacent short Persian parts joined (`کتاب ها` → `کتابها`), for text stored without the space. */
export function joinedPairs(tokens: string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < tokens.length; i += 1) {
    const [a, b] = [tokens[i - 1]!, tokens[i]!];
    if (ARABIC_SCRIPT.test(a) && ARABIC_SCRIPT.test(b) && Math.min(a.length, b.length) <= 3) pairs.push(a + b);
  }
  return pairs;
}

/**
 * SPEC §5's `q`: words are AND-ed (the last one as a prefix, for typing), `"a phrase"` must appear
 * in order, `-word` excludes. Each word is tried split at its ZWNJ, joined, and glued to a short
 * neighbour, so `شبکه‌های`, `شبکههای` and `شبکه های` find each other.
 */
export function parseTextQuery(raw: string, expansions?: PrefixExpansions): ParsedText {
  const phrases: string[] = [];
  const prefixes = new Set<string>();
  const operand = (token: string, prefix: boolean) => {
    if (prefix && token.length >= 2) prefixes.add(token);
    return lexeme(token, prefix, expansions);
  };
  const excludedWords: string[] = [];
  const rest = raw
    .replace(/"([^"]*)"/g, (_match, phrase: string) => {
      phrases.push(phrase);
      return ' ';
    })
    .split(/\s+/)
    .filter((word) => {
      if (word.startsWith('-') && word.length > 1) {
        excludedWords.push(word.slice(1));
        return false;
      }
      return Boolean(word);
    })
    .join(' ');

  const parts: string[] = [];
  const words = rest.split(/\s+/).filter(Boolean);
  words.forEach((word, index) => {
    const isLast = index === words.length - 1 && phrases.length === 0;
    const split = searchWords(word);
    const joined = searchWords(word.replace(ZWNJ, ''));
    if (!split.length) return;
    const splitForm = split.map((token, i) => operand(token, isLast && i === split.length - 1)).join(' & ');
    const joinedForm = joined.map((token, i) => operand(token, isLast && i === joined.length - 1)).join(' & ');
    parts.push(splitForm === joinedForm ? `(${splitForm})` : `((${splitForm}) | (${joinedForm}))`);
  });
  const restTokens = searchWords(rest);
  const pairs = joinedPairs(restTokens);
  for (const phrase of phrases) {
    const tokens = searchWords(phrase);
    if (tokens.length) parts.push(`(${tokens.map((token) => lexeme(token, false)).join(' <-> ')})`);
  }
  let tsquery = parts.length ? parts.join(' & ') : null;
  if (tsquery && pairs.length) {
    // Alternatively, the words glued to their short neighbours.
    tsquery = `(${tsquery}) | (${pairs.map((pair) => lexeme(pair, false)).join(' & ')})`;
  }
  const excludedTokens = excludedWords.flatMap((word) => searchWords(word));
  return {
    tsquery,
    excluded: excludedTokens.length ? excludedTokens.map((token) => lexeme(token, false)).join(' | ') : null,
    plain: [...restTokens, ...phrases.flatMap((word) => searchWords(word))].join(' '),
    prefixes: [...prefixes],
  };
}
