import { Type, type Static } from 'typebox';
import { Text } from '../../platform/http/schema.js';
import { DateInput, EducationLevel, Nullable, Rank, SkNumber } from './personnel.schema.js';
import { LEAVE_KINDS, TRAINING_KINDS } from './personnel.tables.js';

// Bodies of the records added to an employee's history (personnel.history.ts).

export const AddRankBody = Type.Object(
  { rank: Rank, tmt: DateInput, skNumber: Type.Optional(Nullable(SkNumber)), skDate: Type.Optional(Nullable(DateInput)) },
  { additionalProperties: false },
);
export type AddRankBody = Static<typeof AddRankBody>;

export const AddEducationBody = Type.Object(
  {
    level: EducationLevel,
    institution: Text({ minLength: 2, maxLength: 200 }),
    major: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
    graduationYear: Type.Integer({ minimum: 1950, maximum: 2100 }),
  },
  { additionalProperties: false },
);
export type AddEducationBody = Static<typeof AddEducationBody>;

export const AddTrainingBody = Type.Object(
  {
    kind: Type.Enum(TRAINING_KINDS),
    name: Text({ minLength: 3, maxLength: 200 }),
    institution: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    hours: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2000 }))),
    startDate: DateInput,
    endDate: Type.Optional(Nullable(DateInput)),
  },
  { additionalProperties: false },
);
export type AddTrainingBody = Static<typeof AddTrainingBody>;

export const AddLeaveBody = Type.Object(
  {
    kind: Type.Enum(LEAVE_KINDS),
    startDate: DateInput,
    /** Inclusive: the last day of leave, as on the leave letter. */
    endDate: DateInput,
    note: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  },
  { additionalProperties: false },
);
export type AddLeaveBody = Static<typeof AddLeaveBody>;
