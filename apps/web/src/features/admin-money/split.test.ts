import { describe, expect, it } from 'vitest';
import { previewResolution, resolveBody, type ResolutionInput } from './split';

const base: ResolutionInput = { outcome: 'split', refundText: '', held: 100_000, feeBps: 1500, currency: 'USD' };
const preview = (input: Partial<ResolutionInput>) => previewResolution({ ...base, ...input });

describe('previewResolution', () => {
  it('splits: refund R, release the rest, fee on the released part only', () => {
    expect(preview({ refundText: '400' })).toEqual({ ok: true, settlement: { refund: 40_000, release: 60_000, fee: 9_000, payout: 51_000 } });
  });

  it('rounds the fee down to the minor unit', () => {
    // Released 333.33 → 15 % is 49.9995 → 49.99.
    expect(preview({ refundText: '666.67' })).toEqual({ ok: true, settlement: { refund: 66_667, release: 33_333, fee: 4_999, payout: 28_334 } });
  });

  it('reads Persian digits and separators, and converts without floats', () => {
    expect(preview({ refundText: '۴۰۰٫۲۹' })).toMatchObject({ ok: true, settlement: { refund: 40_029 } });
    expect(preview({ refundText: '0.29' })).toMatchObject({ ok: true, settlement: { refund: 29 } });
  });

  it('refuses impossible splits with a reason', () => {
    expect(preview({ refundText: '' })).toEqual({ ok: false, problem: { kind: 'required' } });
    expect(preview({ refundText: '1000.01' })).toEqual({ ok: false, problem: { kind: 'overHeld' } });
    expect(preview({ refundText: '0' })).toEqual({ ok: false, problem: { kind: 'nothingRefunded' } });
    expect(preview({ refundText: '1000' })).toEqual({ ok: false, problem: { kind: 'everythingRefunded' } });
    expect(preview({ refundText: '12.345' })).toMatchObject({ ok: false, problem: { kind: 'input' } });
    expect(preview({ refundText: '-5' })).toMatchObject({ ok: false, problem: { kind: 'input' } });
    expect(preview({ refundText: 'ten' })).toMatchObject({ ok: false, problem: { kind: 'input' } });
    expect(preview({ held: 0, refundText: '1' })).toEqual({ ok: false, problem: { kind: 'nothingHeld' } });
  });

  it('settles a full refund with no fee and a full release with the fee', () => {
    expect(preview({ outcome: 'refund' })).toEqual({ ok: true, settlement: { refund: 100_000, release: 0, fee: 0, payout: 0 } });
    expect(preview({ outcome: 'release' })).toEqual({ ok: true, settlement: { refund: 0, release: 100_000, fee: 15_000, payout: 85_000 } });
  });
});

describe('resolveBody', () => {
  const settlement = { refund: 40_000, release: 60_000, fee: 9_000, payout: 51_000 };

  it('sends the refund in minor units only for a split, and a note when there is one', () => {
    expect(resolveBody('split', settlement, '  Half the posts were late ')).toEqual({ outcome: 'split', refundAmount: 40_000, note: 'Half the posts were late' });
    expect(resolveBody('refund', settlement, '')).toEqual({ outcome: 'refund' });
    expect(resolveBody('release', settlement, '   ')).toEqual({ outcome: 'release' });
  });
});
