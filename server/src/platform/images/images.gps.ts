import exifReader from 'exif-reader';

/** A position in decimal degrees (WGS 84), as EXIF GPS gives it. */
export interface GpsPosition {
  lat: number;
  lon: number;
}

type Dms = number[] | number | undefined;

/** Degrees, minutes, seconds (each possibly missing) to signed decimal degrees; null when unusable. */
function toDegrees(value: Dms, ref: unknown, negativeRef: 'S' | 'W', max: number): number | null {
  const parts = typeof value === 'number' ? [value] : value;
  if (!Array.isArray(parts) || parts.length === 0) return null;
  const [d = 0, m = 0, s = 0] = parts;
  if (![d, m, s].every((n) => Number.isFinite(n) && n >= 0)) return null;
  const abs = d + m / 60 + s / 3600;
  if (abs > max) return null;
  const sign = typeof ref === 'string' && ref.trim().toUpperCase() === negativeRef ? -1 : 1;
  return Math.round(sign * abs * 1e7) / 1e7;
}

/**
 * The GPS position recorded in an EXIF block (as sharp's `metadata().exif` gives it, starting with
 * `Exif\0\0`), or null when there is none or it is malformed. A camera without a fix often writes
 * zero or empty tags; a position exactly at 0°,0° (in the Gulf of Guinea) is treated as no fix.
 */
export function gpsFromExif(exif: Buffer | undefined): GpsPosition | null {
  if (!exif || exif.length < 14) return null;
  let gps;
  try {
    gps = exifReader(exif).GPSInfo;
  } catch {
    return null; // a broken EXIF block must not fail the upload: the position is simply unknown
  }
  if (!gps) return null;
  const lat = toDegrees(gps.GPSLatitude as Dms, gps.GPSLatitudeRef, 'S', 90);
  const lon = toDegrees(gps.GPSLongitude as Dms, gps.GPSLongitudeRef, 'W', 180);
  if (lat === null || lon === null || (lat === 0 && lon === 0)) return null;
  return { lat, lon };
}
