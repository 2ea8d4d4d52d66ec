import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/**
 * A landscape JPEG, red on its left half and blue on its right, stored sideways: EXIF orientation 6
 * (turn 90° clockwise to view), so upright it is portrait with red on top. It carries a GPS position
 * of 6°52'30" S, 109°8'15" E (Slawi, Kabupaten Tegal).
 */
export async function sidewaysJpegWithGps(width = 400, height = 200): Promise<Buffer> {
  const half = { width: width / 2, height, channels: 3 as const };
  const left = await sharp({ create: { ...half, background: { r: 255, g: 0, b: 0 } } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Uji', Model: 'Kamera' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 52/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '109/1 8/1 1500/100' },
    })
    .toBuffer();
}

/** Random pixels (nothing compresses or resamples into a uniform colour): a photo-like worst case. */
export async function noise(width: number, height: number, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(Math.random() * 256);
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return format === 'png' ? image.png({ compressionLevel: 1 }).toBuffer() : image.jpeg({ quality: 85 }).toBuffer();
}

/**
 * Random grey squares of `block` pixels: detail a blur must destroy, and without colour, so JPEG's
 * halved chroma resolution cannot be mistaken for a change outside the blurred areas.
 */
export async function greyBlocks(width: number, height: number, block: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  const shade = Array.from({ length: Math.ceil(width / block) * Math.ceil(height / block) }, () => Math.floor(Math.random() * 256));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = shade[Math.floor(y / block) * Math.ceil(width / block) + Math.floor(x / block)]!;
      pixels.fill(v, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A decompression bomb's header: a 100-byte PNG that claims 20,000 × 20,000 pixels (400 megapixels). */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, not interlaced
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from('78da030000000001', 'hex')),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Pure sRGB red converted into Display P3 and tagged with that profile, as an iPhone writes it. */
export function p3Png(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 255, g: 0, b: 0 } } }).withIccProfile('p3').png().toBuffer();
}

/** Mean absolute difference per channel between two same-sized raw RGB buffers, over a box. */
export function meanDiff(a: Buffer, b: Buffer, width: number, box: { left: number; top: number; width: number; height: number }): number {
  let sum = 0;
  for (let y = box.top; y < box.top + box.height; y++) {
    for (let x = box.left; x < box.left + box.width; x++) {
      for (let c = 0; c < 3; c++) sum += Math.abs(a[(y * width + x) * 3 + c]! - b[(y * width + x) * 3 + c]!);
    }
  }
  return sum / (box.width * box.height * 3);
}
