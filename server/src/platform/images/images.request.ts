import { FieldError } from '../errors.js';
import type { BlurRegion, ProcessRequest } from './index.js';

/** Widths a variant may ask for; a variant is never wider than its source whatever it asks. */
export const MAX_VARIANT_WIDTH = 8192;
const MAX_VARIANTS = 8;
const MAX_REGIONS = 32;

/** A region in the upright image's pixels, clipped to it. */
export interface PixelRegion {
  left: number;
  top: number;
  width: number;
  height: number;
}

function fail(field: string, message: string): never {
  throw new FieldError(field, message, 'invalid_image_request');
}

/** Checks the variants asked for: 1–8 of them, whole widths, a known format, quality 1–100. */
export function checkRequest(request: ProcessRequest): void {
  const { variants } = request;
  if (!Array.isArray(variants) || variants.length === 0 || variants.length > MAX_VARIANTS) {
    fail('variants', `Minta 1 sampai ${MAX_VARIANTS} ukuran gambar.`);
  }
  variants.forEach((v, i) => {
    if (!Number.isInteger(v.width) || v.width < 1 || v.width > MAX_VARIANT_WIDTH) {
      fail(`variants[${i}].width`, `Lebar harus bilangan bulat 1–${MAX_VARIANT_WIDTH} piksel.`);
    }
    if (v.format !== 'webp' && v.format !== 'jpeg') fail(`variants[${i}].format`, 'Format harus webp atau jpeg.');
    if (v.quality !== undefined && (!Number.isInteger(v.quality) || v.quality < 1 || v.quality > 100)) {
      fail(`variants[${i}].quality`, 'Kualitas harus bilangan bulat 1–100.');
    }
  });
  const regions = request.blur ?? [];
  if (!Array.isArray(regions) || regions.length > MAX_REGIONS) fail('blur', `Paling banyak ${MAX_REGIONS} area yang dikaburkan.`);
  regions.forEach((r, i) => {
    for (const key of ['left', 'top', 'width', 'height'] as const) {
      if (!Number.isFinite(r[key]) || r[key] < 0) fail(`blur[${i}].${key}`, 'Harus angka tidak negatif.');
    }
    if (r.width <= 0 || r.height <= 0) fail(`blur[${i}]`, 'Lebar dan tinggi area harus lebih dari nol.');
  });
}

/**
 * A region as pixels of the upright image. A region whose four numbers all lie within 0–1 is read as
 * fractions of the width and height (a moderator's box drawn on a preview of any size); otherwise as
 * pixels. The box is widened to whole pixels outwards, so nothing at its edge stays sharp, and
 * clipped to the image; a box that lies wholly outside is refused.
 */
export function toPixels(region: BlurRegion, index: number, width: number, height: number): PixelRegion {
  const fractions = [region.left, region.top, region.width, region.height].every((n) => n <= 1);
  const sx = fractions ? width : 1;
  const sy = fractions ? height : 1;
  const left = Math.max(0, Math.floor(region.left * sx));
  const top = Math.max(0, Math.floor(region.top * sy));
  const right = Math.min(width, Math.ceil((region.left + region.width) * sx));
  const bottom = Math.min(height, Math.ceil((region.top + region.height) * sy));
  if (right <= left || bottom <= top) fail(`blur[${index}]`, 'Area yang dikaburkan berada di luar gambar.');
  return { left, top, width: right - left, height: bottom - top };
}
