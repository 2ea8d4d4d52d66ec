import AjvCompiler from '@fastify/ajv-compiler';
import type { RouteOptions } from 'fastify';
import { TRIM_KEYWORD } from './schema.js';

type Ajv = AjvCompiler.Ajv;

// Unknown fields are rejected, not silently dropped; every error is reported at once.
const COMMON = { removeAdditional: false, allErrors: true, useDefaults: true } as const;

/** ajv plugin: the `x-trim` keyword (see `Text` in schema.ts) trims a string before its other keywords run. */
export function trimKeyword(ajv: Ajv): Ajv {
  ajv.addKeyword({
    keyword: TRIM_KEYWORD,
    type: 'string',
    schemaType: 'boolean',
    // `modifying` makes ajv read the value back from its parent after this keyword, and `before`
    // puts it ahead of maxLength, the first of the string keywords: lengths and patterns see the trimmed text.
    modifying: true,
    before: 'maxLength',
    errors: false,
    validate(trim: boolean, data: string, _schema?: unknown, cxt?: { parentData: Record<string | number, unknown>; parentDataProperty: string | number }) {
      if (trim && cxt?.parentData !== undefined) cxt.parentData[cxt.parentDataProperty] = data.trim();
      return true;
    },
  });
  return ajv;
}

/** True when a route reads an HTML form (multipart), whose fields are strings by nature. */
function readsForm(route: Pick<RouteOptions, 'schema'>): boolean {
  const consumes = (route.schema as { consumes?: unknown } | undefined)?.consumes;
  return Array.isArray(consumes) && consumes.includes('multipart/form-data');
}

/**
 * Fastify's validator factory with two ajv instances. Query strings, path parameters, headers and
 * form fields arrive as text, so they are coerced (`?page=2` → 2, `?kind=a` → `['a']`); a JSON body
 * already has types, and a wrong one (`"username": 12`) is a 400 naming the field, not a guess.
 * `onRoute` must be installed as a hook: it tells the factory which routes read forms.
 */
export function createValidation(): { buildValidator: AjvCompiler.ValidatorFactory; onRoute: (route: Pick<RouteOptions, 'method' | 'url' | 'schema'>) => void } {
  const formRoutes = new Set<string>();
  const pool = AjvCompiler();
  return {
    buildValidator(externalSchemas) {
      const coercing = pool(externalSchemas, { customOptions: { ...COMMON, coerceTypes: 'array' }, plugins: [trimKeyword] });
      const strict = pool(externalSchemas, { customOptions: { ...COMMON, coerceTypes: false }, plugins: [trimKeyword] });
      return (route) => {
        const typed = route.httpPart === 'body' && !formRoutes.has(`${route.method} ${route.url}`);
        return (typed ? strict : coercing)(route);
      };
    },
    onRoute(route) {
      if (!readsForm(route)) return;
      for (const method of [route.method].flat()) formRoutes.add(`${method} ${route.url}`);
    },
  };
}
