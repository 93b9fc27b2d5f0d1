/** One mail the dev and test mail catcher received, as its page and the tests read it. */
export interface CaughtMail {
  id: number;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
}
