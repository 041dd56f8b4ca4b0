import { describe, expect, it } from 'vitest';
import { parseHighlight, projectHighlight } from './highlight';

describe('parseHighlight', () => {
  it('splits «matches» from the text around them', () => {
    expect(parseHighlight('تولید محتوای «اشپزی» و «سفر» در تهران')).toEqual([
      { text: 'تولید محتوای ', isMatch: false },
      { text: 'اشپزی', isMatch: true },
      { text: ' و ', isMatch: false },
      { text: 'سفر', isMatch: true },
      { text: ' در تهران', isMatch: false },
    ]);
  });

  it('keeps markup as text and an unclosed « as it is', () => {
    expect(parseHighlight('<b>«food»</b> «open')).toEqual([
      { text: '<b>', isMatch: false },
      { text: 'food', isMatch: true },
      { text: '</b> «open', isMatch: false },
    ]);
  });

  it('handles an empty string and adjacent matches', () => {
    expect(parseHighlight('')).toEqual([]);
    expect(parseHighlight('«a»«b»')).toEqual([{ text: 'ab', isMatch: true }]);
  });
});

describe('projectHighlight', () => {
  it('marks the matched words on the bio as written (case, Persian letters, ZWNJ kept)', () => {
    expect(projectHighlight('Gadget reviews and tech news', 'baker — «gadget» reviews and tech news')).toEqual([
      { text: 'Gadget', isMatch: true },
      { text: ' reviews and tech news', isMatch: false },
    ]);
    expect(projectHighlight('آموزش آشپزی ایرانی و کتاب‌های آشپزی', 'سارا — اموزش «اشپزی» ایرانی و کتاب های «اشپزی»')).toEqual([
      { text: 'آموزش ', isMatch: false },
      { text: 'آشپزی', isMatch: true },
      { text: ' ایرانی و کتاب‌های ', isMatch: false },
      { text: 'آشپزی', isMatch: true },
    ]);
  });

  it('matches whole words only, and gives up when the match is not in the bio', () => {
    expect(projectHighlight('foodie food', '«food»')).toEqual([
      { text: 'foodie ', isMatch: false },
      { text: 'food', isMatch: true },
    ]);
    expect(projectHighlight('Travel vlogs', '«sara» — travel vlogs')).toBeNull();
    expect(projectHighlight('anything', 'no marks')).toBeNull();
  });

  it('starts a long bio shortly before the first match', () => {
    const bio = `${'lorem ipsum dolor '.repeat(10)}the espresso guide`;
    const parts = projectHighlight(bio, '«espresso»')!;
    expect(parts[0]).toEqual({ text: '… ', isMatch: false });
    expect(parts.find((part) => part.isMatch)?.text).toBe('espresso');
    expect(parts.map((part) => part.text).join('').length).toBeLessThan(bio.length);
  });
});
