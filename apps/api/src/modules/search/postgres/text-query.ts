import { normalizeText } from '@reachbridge/domain';

const ZWNJ = /\u200C/g;
const TSQUERY_SPECIAL = /[&|!():*<>'\\]/g;
/** Arabic-script letters: short parts of Persian words (ها, ی, تر, می…) are often typed apart. */
const ARABIC_SCRIPT = /^[\u0600-\u06FF]+$/;

export interface ParsedText {
  /** tsquery for the `simple` configuration, or null when nothing searchable is left. */
  tsquery: string | null;
  /** tsquery of the excluded words (`-word`), or null. */
  excluded: string | null;
  /** The normalised free text, for trigram similarity on names and handles. */
  plain: string;
}

const tokensOf = (text: string) =>
  normalizeText(text)
    .replace(TSQUERY_SPECIAL, ' ')
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean);

const lexeme = (token: string, prefix: boolean) => `'${token}'${prefix && token.length >= 2 ? ':*' : ''}`;

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
export function parseTextQuery(raw: string): ParsedText {
  const phrases: string[] = [];
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
    const split = tokensOf(word);
    const joined = tokensOf(word.replace(ZWNJ, ''));
    if (!split.length) return;
    const splitForm = split.map((token, i) => lexeme(token, isLast && i === split.length - 1)).join(' & ');
    const joinedForm = joined.map((token, i) => lexeme(token, isLast && i === joined.length - 1)).join(' & ');
    parts.push(splitForm === joinedForm ? `(${splitForm})` : `((${splitForm}) | (${joinedForm}))`);
  });
  const restTokens = tokensOf(rest);
  const pairs = joinedPairs(restTokens);
  for (const phrase of phrases) {
    const tokens = tokensOf(phrase);
    if (tokens.length) parts.push(`(${tokens.map((token) => lexeme(token, false)).join(' <-> ')})`);
  }
  let tsquery = parts.length ? parts.join(' & ') : null;
  if (tsquery && pairs.length) {
    // Alternatively, the words glued to their short neighbours.
    tsquery = `(${tsquery}) | (${pairs.map((pair) => lexeme(pair, false)).join(' & ')})`;
  }
  const excludedTokens = excludedWords.flatMap(tokensOf);
  return {
    tsquery,
    excluded: excludedTokens.length ? excludedTokens.map((token) => lexeme(token, false)).join(' | ') : null,
    plain: [...restTokens, ...phrases.flatMap(tokensOf)].join(' '),
  };
}
