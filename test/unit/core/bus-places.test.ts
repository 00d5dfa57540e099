import { describe, expect, it } from 'vitest';
import { findPlace } from '../../../lambdas/core/bookings/bus.ts';

const codeOf = (typed: string) => {
  const match = findPlace(typed);
  return 'place' in match ? match.place.code : 'choices' in match ? match.choices.map((p) => p.code) : undefined;
};

describe('bus places by name', () => {
  it('reads a place in English, Telugu, an old name or a short one', () => {
    expect(codeOf('Vijayawada')).toBe('VJA');
    expect(codeOf('విజయవాడ')).toBe('VJA');
    expect(codeOf('bezawada')).toBe('VJA');
    expect(codeOf('Vizag')).toBe('VSP');
    expect(codeOf('తిరుపతి')).toBe('TPT');
    expect(codeOf('Rajamahendravaram')).toBe('RJY');
  });

  it('forgives a misspelling', () => {
    expect(codeOf('vijaywada')).toBe('VJA');
    expect(codeOf('hyderbad')).toBe('HYD');
    expect(codeOf('tirupathi')).toBe('TPT');
    expect(codeOf('Gunturu')).toBe('GNT');
    expect(codeOf('visakapatnam')).toBe('VSP');
  });

  it('finds nothing in words that name no place', () => {
    expect(findPlace('x')).toEqual({ none: true });
    expect(findPlace('moon')).toEqual({ none: true });
  });
});
