import { describe, expect, it } from 'vitest';
import { parseHighlight } from './highlight';

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
