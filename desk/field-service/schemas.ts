import { z } from 'zod';

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`);

const instant = z.iso.datetime({
  offset: true,
  error: 'an ISO 8601 date-time with its offset, such as 2026-11-25T14:30:00-05:00',
});

const day = z.iso.date({ error: 'a date such as 2026-11-01' });

const phone = text(40).regex(/^\+?[0-9 ().-]{5,}$/, 'a phone number such as +57 601 3557622');

/** Who speaks in the ticket's conversation (R22): the customer's side and the desk's side. */
export const customerVoices = ['requester', 'site-contact', 'remote-engineer'] as const;
export const deskVoices = ['field-engineer', 'second-line', 'partner'] as const;
export const conversationVoices = [...customerVoices, ...deskVoices] as const;
export type ConversationVoice = (typeof conversationVoices)[number];

export const SIGNATURE_MAX_BYTES = 100 * 1024;
const imageMagic: Record<string, number[]> = { png: [0x89, 0x50, 0x4e, 0x47], jpeg: [0xff, 0xd8, 0xff] };

/** A drawn signature as a PNG or JPEG data URL; SVG is refused because it can carry script. */
function isSignatureImage(value: string): boolean {
  const match = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/.exec(value);
  if (!match) return false;
  const bytes = Buffer.from(match[2]!, 'base64');
  const magic = imageMagic[match[1]!]!;
  return bytes.length <= SIGNATURE_MAX_BYTES && magic.every((byte, i) => bytes[i] === byte);
}

const signatureProblem = 'a PNG or JPEG image of at most 100 KB as a data URL (data:image/png;base64,…)';

// The data URL's form and the image's first bytes in base64 (PNG 89 50 4E 47, JPEG FF D8 FF), so the
// document tells a client exactly which texts the server takes.
const signatureDataUrl =
  /^data:image\/(?:png;base64,iVBOR[w-z0-9+/]|jpeg;base64,\/9j\/)[A-Za-z0-9+/]*={0,2}$/;

// The longest data URL whose image is within SIGNATURE_MAX_BYTES whatever its type and padding.
const signatureMaxLength = 'data:image/jpeg;base64,'.length + Math.floor((SIGNATURE_MAX_BYTES * 4) / 3) - 1;

const signatureImage = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
  // Checked before decoding, so an oversized image is not decoded at all.
  .max(signatureMaxLength, { message: 'at most 100 KB', abort: true })
  .regex(signatureDataUrl, { message: signatureProblem, abort: true })
  .refine(isSignatureImage, signatureProblem);

export const appointmentSchema = z.strictObject({
  at: instant,
  siteContact: z.strictObject({ name: text(200), phone }).optional(),
  reason: text(1000).optional(),
});

/**
 * `message`, as a reply says it. `body` is its former name: the OpenAPI document published it, so a client
 * built from that document keeps working; one of the two, not both.
 */
export const messageSchema = z
  .strictObject({
    message: text(20_000).optional().describe('the message (required unless the deprecated `body` is given)'),
    body: text(20_000).optional().meta({ deprecated: true, description: 'the former name of `message`' }),
    internal: z.boolean({ error: 'true or false' }).default(false),
    as: z.enum(conversationVoices, { error: `one of ${conversationVoices.join(', ')}` }).optional(),
  })
  .check((ctx) => {
    const given = ctx.value as { message?: unknown; body?: unknown };
    if (given.message === undefined && given.body === undefined) {
      ctx.issues.push({ code: 'custom', input: given, path: ['message'], message: 'required' });
    } else if (given.message !== undefined && given.body !== undefined) {
      ctx.issues.push({ code: 'custom', input: given, path: ['body'], message: 'give `message` only' });
    }
  });

export const checkInSchema = z.strictObject({ at: instant.optional(), engineerId: text(100).optional() });

export const checkOutSchema = z.strictObject({ at: instant.optional() });

export const reportDraftSchema = z.strictObject({
  tasksDone: text(20_000),
  customerComments: text(5000).optional(),
});

export const reportSignatureSchema = z.strictObject({
  signerName: text(200),
  signature: signatureImage,
  customerComments: text(5000).optional(),
});

export const invoicingQuerySchema = z
  .strictObject({
    organization: text(200)
      .optional()
      .describe(
        'the organization, by its id (such as `acme-logistics`) or its name; every organization when left out',
      ),
    from: day,
    to: day.describe('on or after `from` (else 422)'),
  })
  .refine(({ from, to }) => from <= to, {
    path: ['to'],
    message: 'on or after from',
    // Only two valid dates compare; a bad one is named on its own.
    when: ({ issues }) => issues.length === 0,
  });

export type AppointmentBody = z.infer<typeof appointmentSchema>;
export type MessageBody = z.infer<typeof messageSchema>;
export type CheckInBody = z.infer<typeof checkInSchema>;
export type CheckOutBody = z.infer<typeof checkOutSchema>;
export type ReportDraftBody = z.infer<typeof reportDraftSchema>;
export type ReportSignatureBody = z.infer<typeof reportSignatureSchema>;
export type InvoicingQuery = z.infer<typeof invoicingQuerySchema>;
