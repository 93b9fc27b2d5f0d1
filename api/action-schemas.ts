import { z } from 'zod';
import type { ActionCommands, ActionName } from '../workflows/messages';

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`);

type Body<A extends ActionName> = Omit<ActionCommands[A], 'actor'>;

/** The body each action takes; the actor comes from the request, not the body. */
export const actionBodySchemas: { [A in ActionName]: z.ZodType<Body<A>> } = {
  assign: z.strictObject({ engineer: text(200) }),
  'start-analysis': z.strictObject({ note: text(5000).optional() }),
  'propose-solution': z.strictObject({ solution: text(20_000) }),
  'start-testing': z.strictObject({ instructions: text(5000).optional() }),
  accept: z.strictObject({ comment: text(5000).optional() }),
  reject: z.strictObject({ reason: text(5000) }),
  close: z.strictObject({
    resolution: text(20_000),
    verification: z
      .strictObject({
        method: z.enum(['phone', 'email', 'in-person'], { error: 'one of phone, email, in-person' }),
        comment: text(5000).optional(),
      })
      .optional(),
  }),
};
