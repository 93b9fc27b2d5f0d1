import { z } from 'zod';
import { agentKinds, roles } from '../../lib/directory';

// What admins send to /admin: strict objects, so a misspelt key is named rather than dropped.

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`);

const email = text(320)
  .pipe(z.email('a valid e-mail address'))
  .transform((address) => address.toLowerCase());

const slug = text(100).regex(
  /^[a-z0-9]+(-[a-z0-9]+)*$/,
  'lower-case letters, digits and single hyphens, e.g. "acme-logistics"',
);

const domain = text(253)
  .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/i, 'an e-mail domain such as acme.example')
  .transform((name) => name.toLowerCase());

const reporterLimit = z
  .number({ error: 'a whole number of authorized reporters' })
  .int('a whole number of authorized reporters')
  .min(1, 'at least 1')
  .max(10_000, 'at most 10000');

const minutes = z
  .number({ error: 'a whole number of business minutes' })
  .int('a whole number of business minutes')
  .min(1, 'at least 1 minute');

const date = z.iso.date({ error: 'a real date YYYY-MM-DD' });

export const organizationCreateSchema = z.strictObject({
  id: slug.optional(),
  name: text(200),
  reporterLimit: reporterLimit.optional(),
  accountManagerEmail: email.optional(),
  emailDomains: z.array(domain, { error: 'a list of e-mail domains' }).max(50).optional(),
});

export const organizationUpdateSchema = z.strictObject({
  name: z
    .never({ error: 'an organization keeps its name: its tickets and contracts are filed under it' })
    .optional(),
  reporterLimit: reporterLimit.optional(),
  accountManagerEmail: email.nullable().optional(),
  emailDomains: z.array(domain, { error: 'a list of e-mail domains' }).max(50).optional(),
});

export const personCreateSchema = z
  .strictObject({
    email,
    name: text(200),
    role: z.enum(roles, { error: `one of ${roles.join(', ')}` }),
    organizationId: slug.optional(),
    agentKind: z.enum(agentKinds, { error: `one of ${agentKinds.join(', ')}` }).optional(),
  })
  .superRefine((person, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (person.role === 'requester' && !person.organizationId) {
      problem('organizationId', 'required: a requester belongs to an organization');
    }
    if (person.role !== 'requester' && person.organizationId) {
      problem('organizationId', 'only requesters belong to a customer organization');
    }
    if (person.role === 'agent' && !person.agentKind) problem('agentKind', 'required for an agent');
    if (person.role !== 'agent' && person.agentKind) problem('agentKind', 'only agents have a kind');
  });

export const peopleQuerySchema = z.strictObject({
  organizationId: slug.optional(),
  role: z.enum(roles, { error: `one of ${roles.join(', ')}` }).optional(),
  active: z.enum(['true', 'false'], { error: 'true or false' }).optional(),
});

export const tokenIssueSchema = z.strictObject({ label: text(100) });

const contractTerms = {
  slaPolicyId: text(100),
  validFrom: date,
  validTo: date.nullable(),
  accountManager: email.nullable(),
  onsitePromiseMinutes: minutes.nullable(),
  fastestOnsiteMinutes: minutes.nullable(),
  specialHoursNoticeDays: z
    .number({ error: 'a whole number of business days' })
    .int('a whole number of business days')
    .min(0, 'must not be negative')
    .max(60, 'at most 60 business days')
    .nullable(),
  calendarId: text(100).nullable(),
};

const validToNotBeforeValidFrom = {
  check: (c: { validFrom?: string; validTo?: string | null }) =>
    !c.validFrom || !c.validTo || c.validTo >= c.validFrom,
  params: { message: 'must not be before validFrom', path: ['validTo'] },
};

export const contractCreateSchema = z
  .strictObject({
    organization: text(200),
    slaPolicyId: contractTerms.slaPolicyId,
    validFrom: contractTerms.validFrom,
    validTo: contractTerms.validTo.optional(),
    accountManager: contractTerms.accountManager.optional(),
    onsitePromiseMinutes: contractTerms.onsitePromiseMinutes.optional(),
    fastestOnsiteMinutes: contractTerms.fastestOnsiteMinutes.optional(),
    specialHoursNoticeDays: contractTerms.specialHoursNoticeDays.optional(),
    calendarId: contractTerms.calendarId.optional(),
  })
  .refine(validToNotBeforeValidFrom.check, validToNotBeforeValidFrom.params);

/** Renewal is an update of the validity; an organization's contract stays that organization's. */
export const contractUpdateSchema = z
  .strictObject({
    slaPolicyId: contractTerms.slaPolicyId.optional(),
    validFrom: contractTerms.validFrom.optional(),
    validTo: contractTerms.validTo.optional(),
    accountManager: contractTerms.accountManager.optional(),
    onsitePromiseMinutes: contractTerms.onsitePromiseMinutes.optional(),
    fastestOnsiteMinutes: contractTerms.fastestOnsiteMinutes.optional(),
    specialHoursNoticeDays: contractTerms.specialHoursNoticeDays.optional(),
    calendarId: contractTerms.calendarId.optional(),
  })
  .refine(validToNotBeforeValidFrom.check, validToNotBeforeValidFrom.params);

export const contractsQuerySchema = z.strictObject({ organization: text(200).optional() });

export type OrganizationCreate = z.infer<typeof organizationCreateSchema>;
export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;
export type PersonCreate = z.infer<typeof personCreateSchema>;
export type ContractCreate = z.infer<typeof contractCreateSchema>;
export type ContractUpdate = z.infer<typeof contractUpdateSchema>;
