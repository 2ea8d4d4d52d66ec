import { Type, type Static } from 'typebox';

export const JobStatus = Type.Union([Type.Literal('pending'), Type.Literal('running'), Type.Literal('done'), Type.Literal('dead')], {
  description: 'pending: menunggu; running: sedang dikerjakan; done: selesai; dead: gagal permanen (daftar surat mati)',
});
export type JobStatus = Static<typeof JobStatus>;

const Timestamp = Type.String({ format: 'date-time' });

export const JobView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  status: JobStatus,
  payload: Type.Record(Type.String(), Type.Unknown()),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  runAt: Timestamp,
  lastError: Type.Union([Type.String(), Type.Null()]),
  dedupeKey: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  finishedAt: Type.Union([Timestamp, Type.Null()]),
});
export type JobView = Static<typeof JobView>;

export const JobPage = Type.Object({
  items: Type.Array(JobView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type JobPage = Static<typeof JobPage>;

export const ListJobsQuery = Type.Object(
  {
    status: Type.Optional(JobStatus),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ListJobsQuery = Static<typeof ListJobsQuery>;

export const JobParams = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Nomor pekerjaan' }) },
  { additionalProperties: false },
);
