/** Impact × urgency → priority (R14), the ITIL matrix most service desks ship, the same for every contract. */
export const impacts = ['high', 'medium', 'low'] as const;
export const urgencies = ['high', 'medium', 'low'] as const;
export const priorities = ['P1', 'P2', 'P3', 'P4'] as const;

export type Impact = (typeof impacts)[number];
export type Urgency = (typeof urgencies)[number];
export type Priority = (typeof priorities)[number];

export const priorityMatrix: Record<Impact, Record<Urgency, Priority>> = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

export function priorityOf(impact: Impact, urgency: Urgency): Priority {
  return priorityMatrix[impact][urgency];
}
