import { describe, expect, it } from 'vitest';
import { checkGeometry, compileShape, GeometryProblem, shapeContains } from './region.geometry.js';

const square = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];

function shapeOf(geometry: unknown) {
  const checked = checkGeometry(geometry);
  return compileShape(checked.geometry, checked.bbox);
}

describe('checkGeometry', () => {
  it('accepts a Polygon with a hole and answers its bounding box from the outer ring', () => {
    const checked = checkGeometry({ type: 'Polygon', coordinates: [square(109, -7, 0.1), square(109.04, -6.96, 0.02)] });
    expect(checked.bbox).toEqual([109, -7, 109.1, -6.9]);
    expect(checked.geometry.type).toBe('Polygon');
  });

  it('drops altitudes, keeping [lon, lat]', () => {
    const ring = square(109, -7, 0.1).map(([x, y]) => [x!, y!, 25]);
    expect(checkGeometry({ type: 'Polygon', coordinates: [ring] }).polygons[0]![0]![0]).toEqual([109, -7]);
  });

  it.each([
    [{ type: 'Point', coordinates: [109, -7] }, 'Geometri harus Polygon atau MultiPolygon, bukan Point.'],
    [null, 'Geometri tidak ada; harus Polygon atau MultiPolygon.'],
    [{ type: 'Polygon', coordinates: [] }, 'Poligon harus berupa daftar cincin (paling sedikit satu).'],
    [{ type: 'Polygon', coordinates: [[[109, -7], [109.1, -7], [109, -7]]] }, 'Cincin [0] poligon hanya 3 posisi; sebuah cincin paling sedikit 4 posisi (posisi pertama diulang di akhir).'],
    [{ type: 'Polygon', coordinates: [[[109, -7], [109.1, -7], [109.1, -6.9], [109, -6.9]]] }, 'Cincin [0] poligon tidak tertutup: posisi terakhir harus sama dengan posisi pertama.'],
    [{ type: 'Polygon', coordinates: [[[-7, 109], [-7, 109.1], [-6.9, 109.1], [-7, 109]]] }, 'Posisi [0] cincin [0] poligon [-7, 109] di luar jangkauan: bujur -180..180, lintang -90..90 (urutan GeoJSON adalah [bujur, lintang]).'],
    [{ type: 'MultiPolygon', coordinates: [[square(109, -7, 0.1)], [[[109, -7], ['x', -7], [109, -6], [109, -7]]]] }, 'Posisi [1] cincin [0] poligon [1] bukan pasangan angka [bujur, lintang].'],
    [{ type: 'MultiPolygon', coordinates: [] }, 'MultiPolygon harus berisi paling sedikit satu poligon.'],
  ])('refuses %j', (geometry, message) => {
    expect(() => checkGeometry(geometry)).toThrow(new GeometryProblem(message));
  });
});

describe('shapeContains', () => {
  const withHole = shapeOf({ type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] });
  const twoParts = shapeOf({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] });

  it('finds points inside the outer ring and not in a hole', () => {
    expect(shapeContains(withHole, 1, 1)).toBe(true);
    expect(shapeContains(withHole, 5, 5)).toBe(false);
    expect(shapeContains(withHole, 6.5, 5)).toBe(true);
    expect(shapeContains(withHole, 11, 5)).toBe(false);
    expect(shapeContains(withHole, -0.5, 5)).toBe(false);
  });

  it('looks in every part of a MultiPolygon', () => {
    expect(shapeContains(twoParts, 0.5, 0.5)).toBe(true);
    expect(shapeContains(twoParts, 5.5, 5.5)).toBe(true);
    expect(shapeContains(twoParts, 3, 3)).toBe(false);
  });

  it('handles a concave ring', () => {
    // A "U": the notch between the arms is outside.
    const u = shapeOf({ type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] });
    expect(shapeContains(u, 1.5, 2)).toBe(false);
    expect(shapeContains(u, 0.5, 2)).toBe(true);
    expect(shapeContains(u, 1.5, 0.5)).toBe(true);
  });
});
