/** Field-level problems attached to a 400, keyed by the field's path (`body.username`). */
export type ErrorDetails = Record<string, unknown>;

/**
 * The one error type services throw. `code` is stable (clients and translations key on it);
 * `message` is written for the user, in Bahasa Indonesia, and names what they sent.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** 400: the input is well-formed JSON but breaks a rule. */
export class ValidationError extends AppError {
  constructor(message: string, details?: ErrorDetails, code = 'validation_failed') {
    super(400, code, message, details);
  }
}

/**
 * 400 about one input: `details.fields` names it with the message, the shape the error handler uses
 * for schema failures, so a form shows the message under that input.
 */
export class FieldError extends ValidationError {
  constructor(field: string, message: string, code: string, extra: ErrorDetails = {}) {
    super(message, { ...extra, fields: { [field]: message } }, code);
  }
}

/** 401: no valid session or token, or the credentials were wrong. */
export class UnauthenticatedError extends AppError {
  constructor(message = 'Silakan masuk terlebih dahulu.', code = 'unauthenticated') {
    super(401, code, message);
  }
}

/** 403: signed in, but the role does not allow this action at all. */
export class ForbiddenError extends AppError {
  constructor(message = 'Anda tidak memiliki hak untuk tindakan ini.', code = 'forbidden') {
    super(403, code, message);
  }
}

/** 404: the record does not exist or lies outside the caller's scope (existence does not leak). */
export class NotFoundError extends AppError {
  constructor(what: string, code = 'not_found') {
    super(404, code, `${what} tidak ditemukan.`);
  }
}

/** 409: the request conflicts with the current state (a duplicate, a taken number). */
export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: ErrorDetails) {
    super(409, code, message, details);
  }
}

/** 409 about one input (a taken position, an overlapping period): `details.fields` names it, like FieldError. */
export class FieldConflictError extends ConflictError {
  constructor(field: string, message: string, code: string, extra: ErrorDetails = {}) {
    super(code, message, { ...extra, fields: { [field]: message } });
  }
}

/** 429: too many attempts; `retryAfterSeconds` is sent as the Retry-After header. */
export class TooManyRequestsError extends AppError {
  constructor(message: string, readonly retryAfterSeconds: number, code = 'too_many_requests') {
    super(429, code, message, { retryAfterSeconds });
  }
}
