import { timeSlicer } from '../../platform/streams.js';
import { checkGeometry, GeometryProblem, type CheckedGeometry } from './region.geometry.js';

/** The two levels boundaries are uploaded for: kecamatan and desa/kelurahan. */
export const BOUNDARY_LEVELS = ['district', 'village'] as const;
export type BoundaryLevel = (typeof BOUNDARY_LEVELS)[number];

/** One fault of an upload: the feature's index in `features`, its code when it had one, and what is wrong. */
export interface FeatureProblem {
  index: number;
  code: string | null;
  message: string;
}

export interface CheckedFeature {
  code: string;
  checked: CheckedGeometry;
}

/**
 * The feature property names read for the Kemendagri code, compared without regard to case. `kode`
 * and `code` are the plain names; `KDCPUM` and `KDEPUM` are what BIG's administrative boundary
 * layers call the kecamatan and desa codes, so their exports load unchanged.
 */
export const CODE_PROPERTIES: Record<BoundaryLevel, readonly string[]> = {
  district: ['kode', 'code', 'kode_wilayah', 'kode_kemendagri', 'kdcpum'],
  village: ['kode', 'code', 'kode_wilayah', 'kode_kemendagri', 'kdepum'],
};

const CODE_PATTERN: Record<BoundaryLevel, RegExp> = { district: /^\d{2}\.\d{2}\.\d{2}$/, village: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/ };
const EXAMPLE: Record<BoundaryLevel, string> = { district: '33.28.01', village: '33.28.01.2001' };
export const LEVEL_WORD: Record<BoundaryLevel, string> = { district: 'kecamatan', village: 'desa/kelurahan' };

/** At most this many faults are listed; the count says how many there were in all. */
export const MAX_PROBLEMS_LISTED = 200;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The code a feature carries in one of the accepted properties, or null. */
function codeOf(feature: Record<string, unknown>, level: BoundaryLevel): string | null {
  const properties = feature.properties;
  if (!isObject(properties)) return null;
  const names = CODE_PROPERTIES[level];
  for (const [key, value] of Object.entries(properties)) {
    if (names.includes(key.toLowerCase()) && typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 40);
  }
  return null;
}

/** Checks one feature against the level's codes; throws a GeometryProblem with the first fault. */
function checkFeature(
  feature: unknown, code: string | null, level: BoundaryLevel, known: ReadonlyMap<string, string>, regencyName: string,
): CheckedGeometry {
  if (!isObject(feature) || feature.type !== 'Feature') throw new GeometryProblem('Bukan Feature GeoJSON (type harus "Feature").');
  if (code === null) {
    throw new GeometryProblem(`Kode wilayah tidak ada: isi salah satu properti ${CODE_PROPERTIES[level].join(', ')} dengan kode Kemendagri ${LEVEL_WORD[level]}, mis. ${EXAMPLE[level]}.`);
  }
  if (!CODE_PATTERN[level].test(code)) {
    throw new GeometryProblem(`"${code}" bukan kode Kemendagri ${LEVEL_WORD[level]} (bentuknya ${EXAMPLE[level]}; kode BPS tidak dipakai).`);
  }
  if (!known.has(code)) throw new GeometryProblem(`Kode ${code} tidak terdaftar sebagai ${LEVEL_WORD[level]} di ${regencyName}.`);
  return checkGeometry(feature.geometry);
}

/**
 * Checks every feature of an uploaded collection: a known code of the regency at that level (from
 * `known`, code → name), no code twice, a valid Polygon or MultiPolygon. Answers the accepted
 * features and every fault; the caller stores nothing unless there are no faults. Yields to other
 * requests between slices of work, since a 20 MB upload takes a while to walk.
 */
export async function checkFeatures(
  features: readonly unknown[], level: BoundaryLevel, known: ReadonlyMap<string, string>, regencyName: string,
): Promise<{ accepted: CheckedFeature[]; problems: FeatureProblem[] }> {
  const accepted: CheckedFeature[] = [];
  const problems: FeatureProblem[] = [];
  const firstIndex = new Map<string, number>();
  const pause = timeSlicer();
  for (const [index, feature] of features.entries()) {
    const code = isObject(feature) ? codeOf(feature, level) : null;
    try {
      const checked = checkFeature(feature, code, level, known, regencyName);
      const earlier = firstIndex.get(code!);
      if (earlier !== undefined) {
        throw new GeometryProblem(`Kode ${code} sudah dipakai fitur [${earlier}]; satu wilayah satu fitur (gabungkan bagian-bagiannya menjadi MultiPolygon).`);
      }
      firstIndex.set(code!, index);
      accepted.push({ code: code!, checked });
    } catch (err) {
      if (!(err instanceof GeometryProblem)) throw err;
      problems.push({ index, code, message: err.message });
    }
    await pause();
  }
  return { accepted, problems };
}
