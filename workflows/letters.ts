import { letters } from './activity-proxies';

/**
 * Sends letters that no running ticket workflow will send: a refusal to an unknown sender (R4), a
 * clarification asked on a closed ticket (R13). Started with the letter's key as its id, so it runs once.
 */
export async function lettersWorkflow(keys: string[]): Promise<number> {
  return letters.deliverLetters({ keys });
}
