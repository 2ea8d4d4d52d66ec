import { setImmediate as nextTurn } from 'node:timers/promises';

// Reading untrusted input without letting its size decide how much memory or CPU time one request
// takes: a byte cap enforced while the bytes arrive, and a way for long parsing loops to let other
// requests (and the health check) run between slices of work.

/**
 * Reads a stream into one buffer, throwing `tooLarge()` as soon as more than `maxBytes` have
 * arrived, so an oversized or endless upload never sits in memory beyond the cap.
 */
export async function readCapped(stream: AsyncIterable<Uint8Array>, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let sizeBytes = 0;
  for await (const chunk of stream) {
    sizeBytes += chunk.byteLength;
    // Leaving the loop destroys the stream, so the rest of the upload is never buffered.
    if (sizeBytes > maxBytes) throw tooLarge();
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  const bytes = Buffer.concat(chunks, sizeBytes);
  chunks.length = 0;
  return bytes;
}

/**
 * A pause point for long synchronous work: the returned function resolves at once until `sliceMs`
 * of work have passed since the last pause, then waits one event-loop turn. Call it between chunks.
 */
export function timeSlicer(sliceMs = 20): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return nextTurn().then(() => {
      since = performance.now();
    });
  };
}
