import type { FastifyDynamicSwaggerOptions, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import type { Access } from './types.js';

// The OpenAPI document is made complete here, once, for every route of every module: an operationId,
// the security that applies (from `config.access`), and the error answers the kernel can give, all
// pointing at one shared `ErrorBody`. A route states any of these itself only to say something the
// route table cannot tell (a nicer operationId, an optional session, a domain-specific 4xx body).

/** A security requirement as OpenAPI writes it: scheme name → scopes (none here). */
export type SecurityRequirement = Record<string, string[]>;

/** Signed in by the session cookie or an API token; the names are the schemes declared in `openApiOptions`. */
export const SIGNED_IN: readonly SecurityRequirement[] = [{ session: [] }, { token: [] }];
/** Anyone, and a session when there is one (e.g. sign-out ends it): `{}` makes the credentials optional. */
export const OPTIONAL_SESSION: readonly SecurityRequirement[] = [{}, { session: [] }];

/** The platform error body (see error-handler.ts) as a JSON schema, named `ErrorBody` in the document. */
export const ERROR_BODY_SCHEMA = {
  type: 'object',
  description: 'Every 4xx and 5xx answer: a stable code, a message for the user, and the request id to quote.',
  required: ['code', 'message', 'requestId'],
  additionalProperties: false,
  properties: {
    code: { type: 'string', description: 'Stable, machine-readable code, e.g. `validation_failed`.', examples: ['validation_failed'] },
    message: { type: 'string', description: 'What went wrong, written for the user (Indonesian).' },
    details: {
      type: 'object',
      additionalProperties: true,
      description: 'Extra facts; for `validation_failed`, `fields` maps each field (`body.username`) to its problem.',
    },
    requestId: { type: 'string', description: 'Also sent as the `X-Request-Id` header.' },
  },
} as const;

/** The shared error answers, by status: the component name and its description. */
const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'The request is malformed, or a field is invalid (`validation_failed` names each in `details.fields`).' },
  401: { name: 'Unauthenticated', description: 'Not signed in, or the session or token has expired.' },
  403: { name: 'Forbidden', description: 'Signed in without the right to do this, or a cookie-session write without a valid `X-CSRF-Token`.' },
  404: { name: 'NotFound', description: 'No such record, or one outside the caller\'s scope (existence is not revealed).' },
  409: { name: 'Conflict', description: 'The change conflicts with the current data (e.g. a duplicate).' },
  413: { name: 'PayloadTooLarge', description: 'The request body is larger than the server accepts.' },
  415: { name: 'UnsupportedMediaType', description: 'The request body is not of a content type this operation reads.' },
  429: { name: 'TooManyRequests', description: 'Too many requests from this address; retry after the `Retry-After` seconds.' },
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Marks an operation's error statuses between `transform` and `transformObject`; removed before rendering. */
const ERRORS_KEY = 'x-error-statuses';

interface DocumentedRoute {
  method: string;
  url: string;
  schema?: FastifySchema | undefined;
  config?: { access?: Access; rateLimit?: unknown } | undefined;
}

/** `GET /api/employees/:id/assignments` → `getEmployeesByIdAssignments`: stable, unique per method and URL. */
export function operationIdFor(method: string, url: string): string {
  const words = url.split('/').filter((part) => part !== '' && part !== 'api').map((part) => {
    const param = /^[:{](\w+)}?$/.exec(part);
    return param ? `by-${param[1]!}` : part;
  });
  return [method.toLowerCase(), ...words].join('-')
    .replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase());
}

/** Who may call a route, in OpenAPI's words: public → nothing required; anything else → session or token. */
export function securityFor(access: Access | undefined): SecurityRequirement[] {
  return access === 'public' ? [] : SIGNED_IN.map((requirement) => ({ ...requirement }));
}

/** The error statuses the kernel itself can answer on a route, judged from its route table entry. */
export function errorStatusesFor(route: DocumentedRoute): number[] {
  const schema = (route.schema ?? {}) as { body?: unknown };
  const hasBody = schema.body !== undefined;
  const isPublic = route.config?.access === 'public';
  // Every route can get a 400: a field that fails its schema, or a request the kernel refuses before
  // routing it (malformed URL, HTTP/1.1 without Host; see error-handler.ts).
  const statuses = new Set<number>([400]);
  if (!isPublic) statuses.add(401);
  // Public writes too: a cookie session without its CSRF token is refused on any write.
  if (!isPublic || !SAFE_METHODS.has(route.method)) statuses.add(403);
  if (/[:{]\w/.test(route.url)) statuses.add(404);
  // A body can collide with existing data (the error handler maps unique violations to 409), be too
  // large, or come in a content type the route does not read.
  if (hasBody) for (const status of [409, 413, 415]) statuses.add(status);
  if (route.config?.rateLimit !== undefined) statuses.add(429);
  return [...statuses];
}

/** The `transform` of @fastify/swagger: fills operationId, security and error statuses unless the route set them. */
function documentRoute({ schema, url, route }: { schema: FastifySchema; url: string; route: RouteOptions }): { schema: FastifySchema; url: string } {
  if (!schema || (schema as { hide?: boolean }).hide) return { schema, url };
  const method = [route.method].flat()[0]!;
  const own = schema as { operationId?: string; security?: SecurityRequirement[] };
  return {
    url,
    schema: {
      ...schema,
      operationId: own.operationId ?? operationIdFor(method, url),
      security: own.security ?? securityFor(route.config?.access),
      [ERRORS_KEY]: errorStatusesFor({ method, url, schema, config: route.config }),
    } as FastifySchema,
  };
}

type Operation = { responses?: Record<string, unknown>; [ERRORS_KEY]?: number[] };
type Document = {
  paths?: Record<string, Record<string, Operation> | undefined>;
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
};

// ajv-formats keywords (see `RecordDate` in schema.ts) that JSON Schema 2020-12 does not define; as
// extensions they keep their meaning for readers and stop failing OpenAPI validators.
const AJV_ONLY_KEYWORDS = ['formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum'];

/** Renames ajv-only keywords to `x-` extensions everywhere in the document, in place. */
function markAjvKeywords(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) markAjvKeywords(item);
  } else if (node !== null && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    for (const key of AJV_ONLY_KEYWORDS) {
      if (key in object) {
        object[`x-${key}`] = object[key];
        delete object[key];
      }
    }
    for (const value of Object.values(object)) markAjvKeywords(value);
  }
}

/**
 * The `transformObject` of @fastify/swagger: turns the marked statuses into `$ref`s to shared
 * responses and renames the ajv-only keywords.
 */
function completeDocument(input: Parameters<SwaggerTransformObject>[0]): ReturnType<SwaggerTransformObject> {
  if (!('openapiObject' in input)) return input.swaggerObject; // Swagger 2 is not used here
  const document = input.openapiObject as Document;
  markAjvKeywords(document.paths);
  markAjvKeywords(document.components?.schemas);
  const used = new Set<number>();
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) {
      const statuses = operation[ERRORS_KEY];
      if (!statuses) continue;
      delete operation[ERRORS_KEY];
      const responses = operation.responses ??= {};
      for (const status of statuses) {
        if (responses[status] !== undefined) continue; // the route documents this answer itself
        responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` };
        used.add(status);
      }
    }
  }
  const components = document.components ??= {};
  components.schemas = { ...components.schemas, ErrorBody: ERROR_BODY_SCHEMA };
  components.responses = { ...components.responses };
  for (const status of [...used].sort()) {
    const { name, description } = ERROR_RESPONSES[status]!;
    components.responses[name] = {
      description,
      ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } } : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    };
  }
  return document as ReturnType<SwaggerTransformObject>;
}

/** What the document says about the platform as a whole. */
export interface ApiDescription {
  title: string;
  version: string;
  description: string;
  /** Where the API is served (`PUBLIC_URL`), listed as the document's one server. */
  publicUrl: string;
}

/** The @fastify/swagger options: info, servers, security schemes, and the transforms above. */
export function openApiOptions(api: ApiDescription): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: api.title,
        version: api.version,
        description: api.description,
        // The platform's own licence is not decided yet (package.json is private), so none is claimed:
        // the licence named is that of the region data the API serves (ODbL 1.0, README).
        license: { name: 'Data wilayah: ODbL 1.0 (lisensi kode platform belum ditetapkan)', url: 'https://opendatacommons.org/licenses/odbl/1-0/' },
      },
      servers: [{ url: api.publicUrl, description: 'This installation (PUBLIC_URL)' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey', in: 'cookie', name: 'tsc_session',
            description: 'Session cookie set by `POST /api/auth/login`. Writes must also send the session\'s CSRF token in `X-CSRF-Token`.',
          },
          token: { type: 'http', scheme: 'bearer', description: 'API token created with `POST /api/auth/tokens`.' },
        },
      },
    },
    transform: documentRoute,
    transformObject: completeDocument,
  };
}

/**
 * Refuses, when a route is registered, an operationId that another route already has (explicit or
 * derived), so a clash fails the start-up and the tests rather than producing an ambiguous document.
 */
export function installOperationIds(app: FastifyInstance): void {
  const seen = new Map<string, string>();
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    const schema = route.schema as { hide?: boolean; operationId?: string } | undefined;
    if (route.config?.access === undefined || schema?.hide) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const id = schema?.operationId ?? operationIdFor(method, url);
      const owner = `${method} ${url}`;
      const previous = seen.get(id);
      if (previous !== undefined && previous !== owner) throw new Error(`operationId ${id} of ${owner} is already used by ${previous}`);
      seen.set(id, owner);
    }
  });
}
