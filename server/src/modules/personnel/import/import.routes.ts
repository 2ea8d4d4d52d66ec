import fs from 'node:fs/promises';
import fastifyMultipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, UnauthenticatedError, ValidationError } from '../../../platform/errors.js';
import type { App } from '../../../platform/index.js';
import { spoolCapped, type TempFile } from '../../../platform/streams.js';
import { templateCsv } from './import.columns.js';
import { fileTooLarge, MAX_FILE_BYTES } from './import.parse.js';
import { ImportForm, ImportRejected, ImportReport, TemplateParams, type TableKind } from './import.schema.js';
import type { ImportService } from './import.service.js';

const tags = ['personnel'];

/** Download names of the templates, in the users' words. */
const TEMPLATE_NAMES: Record<TableKind, string> = { units: 'unit', positions: 'jabatan', employees: 'pegawai', delegations: 'pelimpahan' };

// Busboy stops a file at `fileSize` and the reader below streams the upload into a temporary file,
// counting the bytes as they arrive and answering 413 on the first one too many, so a slow, oversized
// or endless upload holds one chunk of memory, not the file. One file, a handful of short fields.
// Once the whole form is in, the parsers read the file (an XLSX needs random access to its ZIP
// directory) in chunks under their own row and inflated-size limits (import.parse.ts).
const LIMITS = { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, parts: 12, fieldSize: 1000, headerPairs: 50 };

/** The uploaded file travels beside the body: the body keeps only the file name, for the schema. */
const uploads = new WeakMap<FastifyRequest, { file: TempFile; name: string }>();

/** Removes the request's temporary file, whatever the answer was. */
async function removeUpload(req: FastifyRequest): Promise<void> {
  await uploads.get(req)?.file.remove();
  uploads.delete(req);
}

function multipartError(err: unknown): Error {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileTooLarge();
  if (code === 'FST_FILES_LIMIT') return new ValidationError('Kirim satu berkas saja per impor.', { fields: { 'body.file': 'hanya satu berkas' } });
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new ValidationError('Formulir berisi terlalu banyak isian; kirim kind, dryRun, closeMissing dan file saja.');
  // Anything else busboy raises is a malformed body (no boundary, cut off, broken part headers).
  return new AppError(400, 'invalid_multipart', 'Isi multipart/form-data rusak atau terpotong; unggah ulang berkasnya.');
}

/**
 * Reads the multipart form before validation: the fields become the body, the file is kept aside.
 * The caller's right to import is checked first, so nobody else gets to upload 50 MB.
 */
function formReader(service: ImportService) {
  return async (req: FastifyRequest): Promise<void> => {
    if (req.ctx.actor.kind === 'anonymous') throw new UnauthenticatedError();
    service.assertMayImport(req.ctx);
    if (!req.isMultipart()) {
      throw new AppError(415, 'unsupported_media_type', 'Kirim sebagai multipart/form-data dengan isian kind, dryRun dan file (berkas).');
    }
    const body: Record<string, string> = Object.create(null) as Record<string, string>;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          body[part.fieldname] = String(part.value);
          continue;
        }
        // Counted as it arrives, besides busboy's own cap: the 413 comes on the first byte too many.
        const file = await spoolCapped(part.file as AsyncIterable<Buffer>, MAX_FILE_BYTES, fileTooLarge);
        const name = (part.filename || 'berkas').slice(-200);
        if (part.file.truncated || part.fieldname !== 'file' || uploads.has(req)) await file.remove();
        if (part.file.truncated) throw fileTooLarge();
        if (part.fieldname === 'file' && !uploads.has(req)) uploads.set(req, { file, name });
        body[part.fieldname] = name;
      }
    } catch (err) {
      throw multipartError(err);
    }
    req.body = body;
  };
}

/** Routes of the SIMPEG import: upload (dry run or real) and the CSV templates. */
export function importRoutes(app: App, service: ImportService): void {
  // Multipart is parsed only inside this scope; every other route keeps answering 415 to it.
  void app.register(async (parent) => {
    const scope = parent.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(fastifyMultipart, { limits: LIMITS, throwFileSizeLimit: true });

    scope.post('/api/personnel/imports', {
      preValidation: formReader(service),
      onResponse: removeUpload,
      onRequestAbort: removeUpload,
      schema: {
        tags,
        summary: 'Impor unit, jabatan, pegawai, pelimpahan Plt/Plh (CSV/XLSX) atau data SIASN (JSON); dryRun=true hanya memeriksa',
        description: `Semua baris diperiksa; bila ada satu kesalahan saja, tidak ada yang disimpan (422 dengan laporan per baris). Berkas maksimal ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
        consumes: ['multipart/form-data'],
        body: ImportForm,
        response: { 200: ImportReport, 422: ImportRejected },
      },
      // The form reader checks the import right itself, before reading a byte, with a message that
      // names who may import; the generic 403 of the access check would say less.
      config: { access: 'authenticated' },
    }, async (req) => {
      const upload = uploads.get(req);
      if (!upload) throw new ValidationError('Berkas belum dilampirkan pada isian "file".', { fields: { 'body.file': 'wajib diisi' } });
      const bytes = await fs.readFile(upload.file.path);
      await removeUpload(req);
      return service.importFile(req.ctx, {
        kind: req.body.kind, dryRun: req.body.dryRun ?? false, closeMissing: req.body.closeMissing ?? false, bytes, fileName: upload.name,
      });
    });

    scope.get('/api/personnel/imports/templates/:kind', {
      schema: {
        tags,
        summary: 'Templat CSV impor (baris judul dan satu baris contoh)',
        params: TemplateParams,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'CSV UTF-8 dengan BOM' }) },
      },
      config: { access: { anyPermission: ['personnel:manage', 'personnel:manage-agency'] } },
    }, async (req, reply) => {
      const { kind } = req.params;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="templat-impor-${TEMPLATE_NAMES[kind]}.csv"`)
        .send(templateCsv(kind));
    });
  });
}
