import type { GridCell } from '../../src/modules/region/index.js';

/**
 * Kabupaten Tegal's 18 kecamatan as a tile grid (row 0 north, column 0 west), laid out by hand from
 * the map: each tile sits where its kecamatan lies relative to its neighbours, as far as a grid
 * allows. Kota Tegal (not part of the regency) is the gap at the top left; an administrator can
 * change the layout with `PUT /api/regions/grid`, and seeding never overwrites a stored layout.
 *
 *          col 0       col 1        col 2      col 3      col 4          col 5
 *   row 0              Dukuhturi    Talang     Kramat     Suradadi       Warureja      ← coast
 *   row 1              Dukuhwaru    Adiwerna   Tarub      Kedungbanteng
 *   row 2              Pagerbarang  Slawi      Pangkah    Jatinegara
 *   row 3  Margasari   Balapulang   Lebaksiu   Bojong
 *   row 4                           Bumijawa                                           ← Gunung Slamet
 *
 * Neighbours checked against the kecamatan's own descriptions: Kedungbanteng has Suradadi and
 * Warureja to the north, Tarub and Pangkah to the west, Jatinegara to the south; Jatinegara has
 * Lebaksiu and Pangkah to the west and Bojong to the south; Bumijawa, the southernmost, has
 * Balapulang and Margasari to the north and Bojong to the east. Dukuhturi and Talang border Kota
 * Tegal on its south; Slawi lies south of Adiwerna with Dukuhwaru to its west and Pangkah to its east.
 */
export const TEGAL_GRID: readonly GridCell[] = [
  { code: '33.28.13', row: 0, col: 1 }, // Dukuhturi
  { code: '33.28.12', row: 0, col: 2 }, // Talang
  { code: '33.28.15', row: 0, col: 3 }, // Kramat
  { code: '33.28.16', row: 0, col: 4 }, // Suradadi
  { code: '33.28.17', row: 0, col: 5 }, // Warureja
  { code: '33.28.18', row: 1, col: 1 }, // Dukuhwaru
  { code: '33.28.11', row: 1, col: 2 }, // Adiwerna
  { code: '33.28.14', row: 1, col: 3 }, // Tarub
  { code: '33.28.08', row: 1, col: 4 }, // Kedungbanteng
  { code: '33.28.05', row: 2, col: 1 }, // Pagerbarang
  { code: '33.28.10', row: 2, col: 2 }, // Slawi
  { code: '33.28.09', row: 2, col: 3 }, // Pangkah
  { code: '33.28.07', row: 2, col: 4 }, // Jatinegara
  { code: '33.28.01', row: 3, col: 0 }, // Margasari
  { code: '33.28.04', row: 3, col: 1 }, // Balapulang
  { code: '33.28.06', row: 3, col: 2 }, // Lebaksiu
  { code: '33.28.03', row: 3, col: 3 }, // Bojong
  { code: '33.28.02', row: 4, col: 2 }, // Bumijawa
];
