import type { BlobStore } from '../files/index.js';
import type { ByteSource } from '../streams.js';
import { createProcessor } from './images.pipeline.js';
import type { GpsPosition } from './images.gps.js';

export type { GpsPosition } from './images.gps.js';
export { gpsFromExif } from './images.gps.js';
export { createLimiter, type Limiter } from './images.queue.js';

/** One output size: at most `width` pixels wide (never wider than the source), height kept in proportion. */
export interface VariantRequest {
  width: number;
  format: 'webp' | 'jpeg';
  /** 1–100; 80 when left out. */
  quality?: number;
}

/**
 * An area to make unreadable (a face, a number plate), in the upright image (as the user sees it,
 * after EXIF orientation): in pixels, or, when all four numbers lie within 0–1, in fractions of the
 * width and height.
 */
export interface BlurRegion {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ProcessRequest {
  variants: VariantRequest[];
  /** Hand back the GPS position the photo carried before its metadata was stripped. */
  wantGps?: boolean;
  blur?: BlurRegion[];
}

/** A stored variant: a blob of the store, without any metadata, in sRGB. */
export interface ImageVariant {
  width: number;
  height: number;
  format: 'webp' | 'jpeg';
  sha256: string;
  sizeBytes: number;
}

export interface ProcessResult {
  variants: ImageVariant[];
  /** Only when `wantGps` was asked: the position, or null when the photo carried none. */
  gps?: GpsPosition | null;
}

/** Where the image comes from: a stored blob's SHA-256, an upload stream, or bytes in memory. */
export type ImageSource = string | ByteSource | Uint8Array;

/**
 * Photos in, safe variants out. `process` checks the content is an image (by its bytes, then by
 * decoding its header: at most `maxInputPixels`), turns it upright by its EXIF orientation, blurs
 * the requested areas, converts it to sRGB and writes each variant without any metadata (no EXIF,
 * GPS, XMP, IPTC or ICC profile) into the blob store. The caller then `attach`es the variants it
 * keeps. Heavy work runs at most `concurrency` at a time; the rest wait their turn.
 */
export interface ImagePipeline {
  process(source: ImageSource, request: ProcessRequest): Promise<ProcessResult>;
  /** Photos being processed now, waiting, and the most ever processed at once. */
  stats(): { running: number; waiting: number; peakRunning: number };
}

export interface ImageOptions {
  /** Photos processed at once (default 2: this machine has two cores and each decode is ~36 MB). */
  concurrency?: number;
  /** Larger images are refused with 422 `image_too_large` (default 50 megapixels). */
  maxInputPixels?: number;
  /** Larger uploads are refused with 413 while they arrive (default 40 MB). */
  maxInputBytes?: number;
  /** Where uploads and intermediate images are spooled (default the system's temporary directory). */
  tmpDir?: string;
}

export const IMAGE_DEFAULTS = { concurrency: 2, maxInputPixels: 50_000_000, maxInputBytes: 40 * 1_048_576 } as const;

/** The image pipeline over a blob store. */
export function createImagePipeline(blobs: BlobStore, options: ImageOptions = {}): ImagePipeline {
  return createProcessor(blobs, { ...IMAGE_DEFAULTS, ...options });
}
