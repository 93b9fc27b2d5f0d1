import {
  object,
  oneOf,
  orNull,
  text,
  textOrNull,
  time,
  timeOrNull,
  type JsonSchema,
} from '../openapi/json-schema';

// What the field service routes answer (api/field-*.ts), for the OpenAPI document.
const integer: JsonSchema = { type: 'integer' };
export const list = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
const engineer = object({ id: text, name: text, email: text });
const siteContact = object({ name: text, phone: text });

export const appointment = object({
  dispatchId: text,
  proposedAt: time,
  status: oneOf(['proposed', 'confirmed', 'rescheduled']),
  scheduledAt: time,
  siteContact,
  history: list(
    object({ scheduledAt: time, siteContact, agreedBy: text, agreedAt: time, reason: textOrNull }),
  ),
});

const visitProperties = {
  id: integer,
  ticket: text,
  dispatchId: text,
  engineer,
  checkedInAt: time,
  checkedInBy: text,
  checkedOutAt: timeOrNull,
  checkedOutBy: textOrNull,
  durationMinutes: { type: ['integer', 'null'] },
};

export const report = object({
  visitId: integer,
  ticket: text,
  status: oneOf(['draft', 'signed']),
  engineer,
  tasksDone: text,
  timeIn: time,
  timeOut: timeOrNull,
  specialHoursMinutes: {
    type: ['integer', 'null'],
    description: 'minutes inside agreed special-hours windows (R16)',
  },
  customerComments: textOrNull,
  writtenBy: text,
  signerName: textOrNull,
  signature: textOrNull,
  signedAt: timeOrNull,
  updatedAt: time,
});

export const message = object({
  id: integer,
  author: text,
  as: text,
  channel: text,
  internal: { type: 'boolean' },
  subject: textOrNull,
  body: text,
  at: time,
});

export const fieldService = object({
  ticket: text,
  team: orNull(object({ fieldEngineer: engineer, secondLineEngineer: orNull(engineer) })),
  dispatches: list(object({ id: text, engineer, appointmentAt: time, promiseDue: time, dispatchedAt: time })),
  appointment: orNull(appointment),
  specialHours: list(object({ activity: integer, title: text, start: time, end: time })),
  visits: list(
    object({
      ...visitProperties,
      specialHoursMinutes: { type: ['integer', 'null'] },
      report: orNull(report),
    }),
  ),
});

export const visit = object(visitProperties);
