import { afterAction as afterActionToday } from '../../../workflows/service-level';
import { solutionNews } from './service-level';

export * from '../../../workflows/service-level';

/** The same change shipped without patched(): what the replay of a running ticket must catch. */
export const afterAction: typeof afterActionToday = async (state, name, command, at) => {
  const drafts = await afterActionToday(state, name, command, at);
  if (name === 'propose-solution') drafts.push(await solutionNews(state, at));
  return drafts;
};
