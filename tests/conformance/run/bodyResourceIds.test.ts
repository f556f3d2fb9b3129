// Which ids of a request body a provider state's fresh ones replace, and how.
import { describe, expect, it } from 'vitest';
import { distinctValues, idLocations, replaceableLocations, withFreshIds } from '../../../src/conformance/run/bodyResourceIds.js';

describe('idLocations', () => {
  it('finds the strings at a pointer, * standing for every item of an array', () => {
    expect(idLocations(['a', 'b', 3], '/*')).toEqual([['0'], ['1']]);
    expect(idLocations({ bulk: ['a'], id: 'b' }, '/bulk/*')).toEqual([['bulk', '0']]);
    expect(idLocations({ id: 'b' }, '/id')).toEqual([['id']]);
    expect(idLocations({ 'a/b': 'x' }, '/a~1b')).toEqual([['a/b']]);
  });

  it('finds nothing where the body has another shape', () => {
    expect(idLocations({ ids: 'a' }, '/*')).toEqual([]);
    expect(idLocations(null, '/id')).toEqual([]);
    expect(idLocations({ id: 7 }, '/id')).toEqual([]);
    expect(idLocations(Object.create({ id: 'inherited' }), '/id')).toEqual([]);
  });
});

describe('replaceableLocations', () => {
  const items = [['0'], ['1'], ['2']];

  it('keeps every location of a valid body', () => {
    expect(replaceableLocations(items)).toEqual(items);
  });

  it('leaves the broken value and whatever is inside it', () => {
    expect(replaceableLocations(items, { at: ['1'], keyword: 'format' })).toEqual([['0'], ['2']]);
    expect(replaceableLocations([['bulk', '0']], { at: ['bulk'], keyword: 'type' })).toEqual([]);
  });

  it('fills a broken array or object only when its rule does not read the ids', () => {
    expect(replaceableLocations(items, { at: [], keyword: 'maxItems' })).toEqual(items);
    expect(replaceableLocations(items, { at: [], keyword: 'contains' })).toEqual([]);
    expect(replaceableLocations([['id']], { at: ['markManualDeleted'], keyword: 'type' })).toEqual([['id']]);
  });
});

describe('withFreshIds', () => {
  it('keeps equal ids equal and distinct ids distinct', () => {
    const body = ['x', 'y', 'x'];
    const locations = idLocations(body, '/*');
    expect(distinctValues(body, locations)).toEqual(['x', 'y']);
    expect(withFreshIds(body, locations, ['f1', 'f2'])).toEqual(['f1', 'f2', 'f1']);
    expect(body).toEqual(['x', 'y', 'x']);
  });

  it('replaces a body that is itself the id', () => {
    expect(withFreshIds('old', [[]], ['new'])).toBe('new');
  });

  it('leaves the locations it was not given', () => {
    expect(withFreshIds({ id: 'a', other: 'a' }, [['id']], ['f'])).toEqual({ id: 'f', other: 'a' });
  });
});
