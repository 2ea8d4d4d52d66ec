import type { RouteOptions } from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { RecordDate, Text } from './schema.js';
import { createValidation } from './validation.js';

const Form = Type.Object({ dryRun: Type.Boolean(), count: Type.Integer() }, { additionalProperties: false });
const Query = Type.Object({
  tags: Type.Array(Type.String()),
  page: Type.Integer({ default: 1 }),
}, { additionalProperties: false });

/** Compiles a schema for one part of a route, as Fastify does, and validates data with it. */
function check(part: 'body' | 'querystring' | 'params', schema: object, data: unknown, url = '/api/x', method = 'POST') {
  const validation = createValidation();
  validation.onRoute({ method: 'POST', url: '/api/form', schema: { consumes: ['multipart/form-data'], body: Form } as RouteOptions['schema'] });
  const validate = validation.buildValidator({}, {})({ schema, httpPart: part, url, method });
  const ok = validate(data) as boolean;
  return { ok, data, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`) };
}

describe('validation per part of the request', () => {
  it('coerces query strings and path parameters, arrays included', () => {
    expect(check('querystring', Query, { tags: 'a', page: '2' })).toMatchObject({ ok: true, data: { tags: ['a'], page: 2 } });
    expect(check('querystring', Query, { tags: ['a', 'b'] })).toMatchObject({ ok: true, data: { tags: ['a', 'b'], page: 1 } });
    expect(check('params', Type.Object({ year: Type.Integer() }), { year: '2026' })).toMatchObject({ ok: true, data: { year: 2026 } });
  });

  it('does not coerce a JSON body: a wrong type is an error naming the field', () => {
    const Login = Type.Object({ username: Type.String(), password: Type.String() }, { additionalProperties: false });
    const res = check('body', Login, { username: 12, password: ['x'] });
    expect(res.ok).toBe(false);
    expect(res.errors).toEqual(['/username type', '/password type']);
    expect(res.data).toEqual({ username: 12, password: ['x'] });
  });

  it('keeps defaults, and refuses unknown fields rather than dropping them', () => {
    const Body = Type.Object({ page: Type.Optional(Type.Integer({ default: 1 })) }, { additionalProperties: false });
    expect(check('body', Body, {})).toMatchObject({ ok: true, data: { page: 1 } });
    expect(check('body', Body, { page: 1, isAdmin: true })).toMatchObject({ ok: false, errors: [' additionalProperties'] });
  });

  it('coerces the fields of a route that reads a multipart form, which are text by nature', () => {
    expect(check('body', Form, { dryRun: 'true', count: '3' }, '/api/form')).toMatchObject({ ok: true, data: { dryRun: true, count: 3 } });
    expect(check('body', Form, { dryRun: 'true', count: '3' }, '/api/other').ok).toBe(false);
  });

  it('trims Text before judging its length, in objects, arrays and nullable fields', () => {
    const Body = Type.Object({
      name: Text({ minLength: 2, maxLength: 4 }),
      tags: Type.Optional(Type.Array(Text({ maxLength: 10 }))),
      note: Type.Optional(Type.Union([Text({ maxLength: 10 }), Type.Null()])),
    });
    expect(check('body', Body, { name: '  Budi  ', tags: [' a '], note: ' x ' })).toMatchObject({ ok: true, data: { name: 'Budi', tags: ['a'], note: 'x' } });
    expect(check('body', Body, { name: '   ' })).toMatchObject({ ok: false, errors: ['/name minLength'] });
    expect(check('body', Body, { name: 'Budi', tags: ['  '] })).toMatchObject({ ok: false, errors: ['/tags/0 minLength'] });
    expect(check('querystring', Type.Object({ q: Text({ maxLength: 5 }) }), { q: '  abc ' })).toMatchObject({ ok: true, data: { q: 'abc' } });
  });

  it('bounds record dates to plausible years', () => {
    const Body = Type.Object({ tmt: RecordDate() });
    expect(check('body', Body, { tmt: '2024-04-01' }).ok).toBe(true);
    expect(check('body', Body, { tmt: '0001-01-01' })).toMatchObject({ ok: false, errors: ['/tmt formatMinimum'] });
    expect(check('body', Body, { tmt: '9999-12-31' })).toMatchObject({ ok: false, errors: ['/tmt formatMaximum'] });
  });
});
