import type { Lane } from './chaos-desk';
import type { DeskClient } from './desk-client';

/** The four kinds of ticket each scenario drives, by the ticket's index. */
export const journeyKinds = ['silence', 'accepted', 'mail-reply', 'assigned'] as const;
export type JourneyKind = (typeof journeyKinds)[number];

/** What one client asked for and was told: the checks hold the desk to it. */
export interface ClientRecord {
  marker: string;
  kind: JourneyKind;
  /** Every status a create attempt was answered with. */
  createAnswers: number[];
  number: string | undefined;
  /** The Message-ID of the reply the listener took (250), which must then be on the ticket. */
  replyId?: string;
  /** The steps the client could not get done, with what each attempt was answered. */
  unfinished: string[];
}

export function markerOf(scenario: string, index: number): string {
  return `chaos ${scenario} ticket ${index}`;
}

export interface JourneyContext {
  client: DeskClient;
  lane: Lane & { known: Set<string> };
  agent: Lane;
  inboundPort: number;
}
