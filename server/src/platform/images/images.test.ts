import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { createImagePipeline, createLimiter, type ImagePipeline } from './index.js';
import { greyBlocks, meanDiff, noise, p3Png, pngClaiming, sidewaysJpegWithGps } from './images.test-fixtures.js';

let t: TestApp;
let images: ImagePipeline;

beforeAll(async () => {
  t = await buildTestApp();
  images = t.platform.images;
});
afterAll(async () => t?.close());

async function stored(sha256: string) {
  const read = await t.platform.blobs.read(sha256);
  if (!read) throw new Error(`variant ${sha256} is not in the blob store`);
  return read;
}

/** The colour at a point of an image, as RGB. */
async function colourAt(content: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(content).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * 3;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

describe('platform.images.process', () => {
  it('turns a sideways JPEG upright, strips its EXIF and GPS, hands the position back, in WebP and JPEG', async () => {
    const photo = await sidewaysJpegWithGps(400, 200);
    expect((await sharp(photo).metadata()).orientation).toBe(6);
    const result = await images.process(Readable.from([photo]), {
      variants: [{ width: 100, format: 'webp' }, { width: 150, format: 'jpeg', quality: 90 }, { width: 1000, format: 'webp' }],
      wantGps: true,
    });
    expect(result.gps).toEqual({ lat: -6.875, lon: 109.1375 });
    expect(result.variants.map((v) => [v.width, v.height, v.format])).toEqual([[100, 200, 'webp'], [150, 300, 'jpeg'], [200, 400, 'webp']]);
    for (const variant of result.variants) {
      const { content, info } = await stored(variant.sha256);
      expect(info).toMatchObject({ sizeBytes: variant.sizeBytes, mediaType: `image/${variant.format}` });
      const meta = await sharp(content).metadata();
      expect(meta).toMatchObject({ format: variant.format, width: variant.width, height: variant.height, space: 'srgb' });
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(meta.hasProfile).toBe(false);
      // Upright, the left (red) half of the stored pixels is on top and the blue half below.
      const [top, bottom] = [await colourAt(content, variant.width / 2, 5), await colourAt(content, variant.width / 2, variant.height - 5)];
      expect(top[0]).toBeGreaterThan(200);
      expect(top[2]).toBeLessThan(60);
      expect(bottom[2]).toBeGreaterThan(200);
      expect(bottom[0]).toBeLessThan(60);
    }
  });

  it('reads a stored blob by its hash, and answers no gps unless asked, null when the photo has none', async () => {
    const blob = await t.platform.blobs.put(await noise(64, 64, 'jpeg'), { maxBytes: 1_000_000, allowedTypes: ['image/jpeg'] });
    const plain = await images.process(blob.sha256, { variants: [{ width: 32, format: 'webp' }] });
    expect(plain.gps).toBeUndefined();
    expect(plain.variants[0]).toMatchObject({ width: 32, height: 32, format: 'webp' });
    expect((await images.process(blob.sha256, { variants: [{ width: 32, format: 'jpeg' }], wantGps: true })).gps).toBeNull();
    await expect(images.process('0'.repeat(64), { variants: [{ width: 32, format: 'webp' }] })).rejects.toMatchObject({ status: 404 });
  });

  it('converts a PNG in Display P3 to sRGB and keeps no ICC profile', async () => {
    const png = await p3Png();
    expect((await sharp(png).metadata()).hasProfile).toBe(true);
    const asStored = await sharp(png, { ignoreIcc: true }).raw().toBuffer();
    expect(asStored[1]).toBeGreaterThan(30); // P3's values for sRGB red: green well above zero until converted
    const { variants } = await images.process(png, { variants: [{ width: 64, format: 'jpeg', quality: 95 }, { width: 32, format: 'webp', quality: 95 }] });
    for (const variant of variants) {
      const { content } = await stored(variant.sha256);
      const meta = await sharp(content).metadata();
      expect(meta.hasProfile).toBe(false);
      expect(meta.space).toBe('srgb');
      const [r, g, b] = await colourAt(content, 10, 10);
      expect(r).toBeGreaterThan(240);
      expect(g).toBeLessThan(15);
      expect(b).toBeLessThan(15);
    }
  });

  it('refuses what is not an image, judged by content, in Bahasa Indonesia', async () => {
    const variants = [{ width: 100, format: 'webp' as const }];
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await expect(images.process(Readable.from([pdf]), { variants })).rejects.toMatchObject({
      status: 415, code: 'unsupported_image_type', details: { detectedType: 'application/pdf' },
    });
    // A text file renamed foto.jpg: no name is ever consulted, the bytes say text.
    await expect(images.process(Buffer.from('bukan foto, hanya teks\n'), { variants })).rejects.toMatchObject({
      status: 415, message: expect.stringMatching(/bukan gambar/), details: { detectedType: 'text/plain' },
    });
    // Judged from the first 64 KB: an endless stream that is no image stops there.
    let pulled = 0;
    async function* endlessPdf() {
      for (;;) {
        pulled++;
        yield pulled === 1 ? pdf : Buffer.alloc(16_384, 0x20);
      }
    }
    await expect(images.process(endlessPdf(), { variants })).rejects.toMatchObject({ status: 415, details: { detectedType: 'application/pdf' } });
    expect(pulled).toBeLessThanOrEqual(6);
    // A JPEG signature with nothing decodable after it.
    const broken = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(200, 7)]);
    await expect(images.process(broken, { variants })).rejects.toMatchObject({ status: 422, code: 'invalid_image' });
  });

  it('refuses a decompression bomb by its header, before decoding its pixels', async () => {
    const bomb = pngClaiming(20_000, 20_000);
    expect(bomb.length).toBeLessThan(100);
    await expect(images.process(bomb, { variants: [{ width: 100, format: 'webp' }] })).rejects.toMatchObject({
      status: 422, code: 'image_too_large', message: expect.stringMatching(/400 megapiksel.*batas 50 megapiksel/),
      details: { width: 20_000, height: 20_000, maxPixels: 50_000_000 },
    });
    const tight = createImagePipeline(t.platform.blobs, { maxInputPixels: 10_000 });
    await expect(tight.process(await noise(101, 100), { variants: [{ width: 50, format: 'webp' }] })).rejects.toMatchObject({ code: 'image_too_large' });
    await expect(tight.process(await noise(100, 100), { variants: [{ width: 50, format: 'webp' }] })).resolves.toBeDefined();
  });

  it('refuses more bytes than the limit while they arrive, and a bad request with the field at fault', async () => {
    const small = createImagePipeline(t.platform.blobs, { maxInputBytes: 10_000 });
    await expect(small.process(await noise(200, 200), { variants: [{ width: 50, format: 'webp' }] })).rejects.toMatchObject({ status: 413 });
    await expect(images.process(Buffer.alloc(1), { variants: [] })).rejects.toMatchObject({ status: 400, details: { fields: { variants: expect.any(String) } } });
    await expect(images.process(Buffer.alloc(1), { variants: [{ width: 0, format: 'webp' }] }))
      .rejects.toMatchObject({ status: 400, code: 'invalid_image_request', details: { fields: { 'variants[0].width': expect.any(String) } } });
    await expect(images.process(Buffer.alloc(1), { variants: [{ width: 10, format: 'gif' as 'webp' }] }))
      .rejects.toMatchObject({ details: { fields: { 'variants[0].format': expect.any(String) } } });
    await expect(images.process(await noise(50, 50), { variants: [{ width: 10, format: 'webp' }], blur: [{ left: 60, top: 0, width: 10, height: 10 }] }))
      .rejects.toMatchObject({ status: 400, details: { fields: { 'blur[0]': expect.stringMatching(/di luar gambar/) } } });
  });

  it('blurs the requested regions (pixels or fractions) beyond reading, and leaves the rest alone', async () => {
    const [width, height] = [300, 200];
    const source = await greyBlocks(width, height, 4);
    const pixels = await sharp(source).raw().toBuffer();
    const box = { left: 100, top: 50, width: 80, height: 60 };
    const corner = { left: 0.75, top: 0.75, width: 0.25, height: 0.25 }; // as fractions: x 225–300, y 150–200
    const { variants } = await images.process(source, { variants: [{ width, format: 'jpeg', quality: 100 }, { width: 150, format: 'webp' }], blur: [box, corner] });
    const { content } = await stored(variants[0]!.sha256);
    const out = await sharp(content).raw().toBuffer();
    // Random blocks average to grey: a strong change in the boxes; near-identical pixels elsewhere.
    expect(meanDiff(pixels, out, width, box)).toBeGreaterThan(50);
    expect(meanDiff(pixels, out, width, { left: 225, top: 150, width: 75, height: 50 })).toBeGreaterThan(50);
    expect(meanDiff(pixels, out, width, { left: 0, top: 0, width: 90, height: 200 })).toBeLessThan(6);
    expect(meanDiff(pixels, out, width, { left: 190, top: 0, width: 30, height: 140 })).toBeLessThan(6);
    // Inside a box little detail remains: neighbouring pixels are nearly equal.
    let step = 0;
    for (let x = box.left + 1; x < box.left + box.width; x++) step += Math.abs(out[(80 * width + x) * 3]! - out[(80 * width + x - 1) * 3]!);
    expect(step / (box.width - 1)).toBeLessThan(8);
    expect(variants[1]).toMatchObject({ width: 150, height: 100 });
  });

  it('takes blur regions in the upright picture of a sideways photo', async () => {
    const stored = await sharp(await greyBlocks(400, 200, 4)).jpeg({ quality: 100, chromaSubsampling: '4:4:4' }).withMetadata({ orientation: 6 }).toBuffer();
    const upright = await sharp(stored).autoOrient().raw().toBuffer();
    // Upright the photo is 200 × 400: blur its top quarter, given as fractions.
    const { variants } = await images.process(stored, { variants: [{ width: 200, format: 'jpeg', quality: 100 }], blur: [{ left: 0, top: 0, width: 1, height: 0.25 }] });
    expect(variants[0]).toMatchObject({ width: 200, height: 400 });
    const out = await sharp((await t.platform.blobs.read(variants[0]!.sha256))!.content).raw().toBuffer();
    expect(meanDiff(upright, out, 200, { left: 0, top: 0, width: 200, height: 100 })).toBeGreaterThan(50);
    expect(meanDiff(upright, out, 200, { left: 0, top: 110, width: 200, height: 290 })).toBeLessThan(6);
  });

  it('processes several photos at once no more than the limit at a time', async () => {
    const limited = createImagePipeline(t.platform.blobs, { concurrency: 2 });
    const photos = await Promise.all([1, 2, 3, 4, 5, 6].map(() => noise(400, 300, 'jpeg')));
    const running = Promise.all(photos.map((p) => limited.process(p, { variants: [{ width: 200, format: 'webp' }] })));
    const results = await running;
    expect(results).toHaveLength(6);
    expect(limited.stats()).toEqual({ running: 0, waiting: 0, peakRunning: 2 });
  });
});

describe('createLimiter', () => {
  it('runs at most the limit at once, the rest in arrival order, and frees a slot on failure', async () => {
    const limiter = createLimiter(2);
    let active = 0;
    let most = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const tasks = [0, 1, 2, 3, 4].map((i) => limiter.run(async () => {
      active++;
      most = Math.max(most, active);
      order.push(i);
      await new Promise<void>((resolve) => releases.push(resolve));
      active--;
      if (i === 1) throw new Error('gagal');
      return i;
    }));
    const settled = Promise.allSettled(tasks);
    await new Promise((r) => setImmediate(r));
    expect(limiter.stats()).toMatchObject({ running: 2, waiting: 3 });
    while (releases.length || limiter.stats().running) {
      releases.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    expect(await settled).toMatchObject([
      { status: 'fulfilled', value: 0 }, { status: 'rejected' }, { status: 'fulfilled', value: 2 }, { status: 'fulfilled', value: 3 }, { status: 'fulfilled', value: 4 },
    ]);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.stats()).toEqual({ running: 0, waiting: 0, peakRunning: 2 });
  });
});
