import sharp, { type SharpOptions } from 'sharp';
import type { BlurRegion } from './index.js';
import { toPixels, type PixelRegion } from './images.request.js';

/** Blocks across a region's longer side after pixelation: too few for a face or a plate to be read. */
const BLOCKS = 8;

/**
 * The region made unreadable: shrunk to a few blocks (the detail is gone, not just softened, so no
 * sharpening can bring it back), enlarged again and blurred so the blocks do not draw attention.
 */
async function obscure(upright: string, region: PixelRegion, options: SharpOptions) {
  const block = Math.max(1, Math.max(region.width, region.height) / BLOCKS);
  const small = { width: Math.max(1, Math.round(region.width / block)), height: Math.max(1, Math.round(region.height / block)) };
  const pixelated = await sharp(upright, options).extract(region).resize({ ...small, fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  const { data, info } = await sharp(pixelated.data, { raw: pixelated.info })
    .resize({ width: region.width, height: region.height, fit: 'fill', kernel: 'nearest' })
    .blur(Math.max(0.5, block / 2))
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { input: data, raw: { width: info.width, height: info.height, channels: info.channels }, left: region.left, top: region.top };
}

/**
 * Writes the upright, sRGB, full-size image with the regions obscured to `out` (libvips' own `.v`
 * format: uncompressed, quick to write and read, and it keeps no metadata of the source), for the
 * variants to be cut from. The regions are in the upright image's coordinates.
 */
export async function blurredCopy(
  file: string,
  regions: BlurRegion[],
  size: { width: number; height: number },
  options: SharpOptions,
  out: string,
): Promise<string> {
  const upright = out.replace(/\.v$/, '-upright.v');
  await sharp(file, options).autoOrient().toColourspace('srgb').toFile(upright);
  const overlays = [];
  for (const [index, region] of regions.entries()) {
    overlays.push(await obscure(upright, toPixels(region, index, size.width, size.height), options));
  }
  await sharp(upright, options).composite(overlays).toFile(out);
  return out;
}
