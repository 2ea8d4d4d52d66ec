import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { AppError, NotFoundError } from '../errors.js';
import { detectMediaType, type BlobStore } from '../files/index.js';
import { SNIFF_BYTES } from '../files/files.detect.js';
import { asBuffer, spoolCapped, type ByteSource, type TempFile } from '../streams.js';
import { gpsFromExif } from './images.gps.js';
import type { ImageOptions, ImagePipeline, ImageSource, ImageVariant, ProcessRequest, VariantRequest } from './index.js';
import { createLimiter } from './images.queue.js';
import { blurredCopy } from './images.blur.js';
import { checkRequest } from './images.request.js';

/** What a photo may be: formats cameras and phones produce and libvips decodes from the prebuilt sharp. */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'image/tiff'];
const MIME = { webp: 'image/webp', jpeg: 'image/jpeg' } as const;
const DEFAULT_QUALITY = 80;

// libvips' operation cache keeps decoded images around between calls; with a different photo each
// time it only costs memory. One thread per photo: photos themselves run in parallel, up to the limit.
sharp.cache(false);
sharp.concurrency(1);

type Settings = Required<Omit<ImageOptions, 'tmpDir'>> & { tmpDir?: string };

/** The input options every decode uses: the pixel cap is enforced by libvips itself, not just checked. */
function input(settings: Settings): SharpOptions {
  return { limitInputPixels: settings.maxInputPixels, failOn: 'error' };
}

function tooLargeBytes(maxBytes: number): AppError {
  return new AppError(413, 'payload_too_large', `Berkas gambar melebihi batas ${Math.round(maxBytes / 1_048_576)} MB.`, { maxBytes });
}

function notAnImage(detectedType: string): AppError {
  return new AppError(415, 'unsupported_image_type',
    'Berkas ini bukan gambar yang didukung. Unggah foto JPEG, PNG, WebP, AVIF, GIF atau TIFF.', { detectedType, allowedTypes: IMAGE_TYPES });
}

/**
 * Passes the bytes through once their first 64 KB (or all of them, if fewer) are judged an image by
 * their content, never by a name or a declared type: anything else stops before the rest is read.
 */
async function* imagesOnly(source: ByteSource): AsyncGenerator<Buffer> {
  const head: Buffer[] = [];
  let headBytes = 0;
  let judged = false;
  async function judge(): Promise<Buffer[]> {
    judged = true;
    const detectedType = await detectMediaType(Buffer.concat(head, headBytes).subarray(0, SNIFF_BYTES));
    if (!IMAGE_TYPES.includes(detectedType)) throw notAnImage(detectedType);
    return head.splice(0);
  }
  for await (const chunk of source) {
    if (judged) {
      yield asBuffer(chunk);
      continue;
    }
    head.push(asBuffer(chunk));
    headBytes += chunk.byteLength;
    if (headBytes >= SNIFF_BYTES) yield* await judge();
  }
  if (!judged) yield* await judge();
}

/** The source as a temporary file (sharp reads a file several times without holding it whole), checked on the way in. */
async function receive(blobs: BlobStore, source: ImageSource, settings: Settings, dir: string): Promise<TempFile> {
  const tooLarge = () => tooLargeBytes(settings.maxInputBytes);
  let stream: ByteSource;
  if (typeof source === 'string') {
    const opened = await blobs.open(source);
    if (!opened) throw new NotFoundError('Gambar');
    stream = opened.stream;
  } else {
    stream = source instanceof Uint8Array ? [source] as unknown as ByteSource : source;
  }
  return spoolCapped(imagesOnly(stream), settings.maxInputBytes, tooLarge, dir);
}

/** Refuses what does not decode as an image, or exceeds the pixel limit; answers its metadata. */
async function inspect(file: string, settings: Settings): Promise<Metadata> {
  let meta: Metadata;
  try {
    // Only the header is read here, so no pixel cap yet: the dimensions are wanted for the message.
    // Every decode after this one carries `limitInputPixels`, so libvips itself enforces the cap.
    meta = await sharp(file, { ...input(settings), limitInputPixels: false }).metadata();
  } catch {
    throw new AppError(422, 'invalid_image', 'Gambar rusak atau tidak dapat dibaca.');
  }
  const pixels = meta.width * meta.height;
  if (!(pixels > 0) || pixels > settings.maxInputPixels) {
    const megapixels = Math.round(pixels / 1e5) / 10;
    throw new AppError(422, 'image_too_large',
      `Ukuran gambar ${meta.width}×${meta.height} piksel (${megapixels} megapiksel) melebihi batas ${settings.maxInputPixels / 1e6} megapiksel.`,
      { width: meta.width, height: meta.height, maxPixels: settings.maxInputPixels });
  }
  return meta;
}

/**
 * One variant: upright, at most `width` wide, sRGB, and encoded without metadata (sharp writes none,
 * and no ICC profile, unless asked to keep them), then stored.
 */
async function render(blobs: BlobStore, file: string, variant: VariantRequest, settings: Settings): Promise<ImageVariant> {
  const quality = variant.quality ?? DEFAULT_QUALITY;
  let image = sharp(file, input(settings)).autoOrient().resize({ width: variant.width, withoutEnlargement: true }).toColourspace('srgb');
  image = variant.format === 'jpeg'
    ? image.flatten({ background: '#ffffff' }).jpeg({ quality })
    : image.webp({ quality });
  const { data, info } = await image.toBuffer({ resolveWithObject: true });
  const stored = await blobs.put(data, { maxBytes: data.length, allowedTypes: [MIME[variant.format]] });
  return { width: info.width, height: info.height, format: variant.format, sha256: stored.sha256, sizeBytes: stored.sizeBytes };
}

export function createProcessor(blobs: BlobStore, settings: Settings): ImagePipeline {
  const limiter = createLimiter(settings.concurrency);
  const baseDir = settings.tmpDir ?? path.join(os.tmpdir(), 'tsc-images');

  async function work(file: string, request: ProcessRequest, dir: string) {
    const meta = await inspect(file, settings);
    const gps = request.wantGps ? gpsFromExif(meta.exif) : undefined;
    // Blurring happens on the full-size upright image, so every variant is cut from the blurred one.
    const base = request.blur?.length
      ? await blurredCopy(file, request.blur, meta.autoOrient, input(settings), path.join(dir, `${randomUUID()}.v`))
      : file;
    const variants: ImageVariant[] = [];
    for (const variant of request.variants) variants.push(await render(blobs, base, variant, settings));
    return request.wantGps ? { variants, gps: gps ?? null } : { variants };
  }

  return {
    async process(source, request) {
      checkRequest(request);
      await fs.mkdir(baseDir, { recursive: true });
      // Receiving waits on the network, so it happens before taking a slot; only the decoding is limited.
      const received = await receive(blobs, source, settings, baseDir);
      const scratch = await fs.mkdtemp(path.join(baseDir, 'job-'));
      try {
        return await limiter.run(() => work(received.path, request, scratch));
      } finally {
        await received.remove();
        await fs.rm(scratch, { recursive: true, force: true });
      }
    },
    stats: () => limiter.stats(),
  };
}
