import { once } from 'node:events';
import { createConnection, type Socket } from 'node:net';

/** One SMTP conversation over a bare socket, for what mail libraries will not do: skip SIZE, reset mid-way. */
export interface SmtpDialogue {
  socket: Socket;
  /** The server's next whole reply (every line of a multi-line one). */
  reply(): Promise<string>;
  /** Sends one command line and resolves with the reply to it. */
  command(line: string): Promise<string>;
  /** Writes raw bytes, waiting when the socket's buffer is full. */
  write(data: string | Buffer): Promise<void>;
}

export async function openSmtpDialogue(port: number): Promise<SmtpDialogue> {
  const socket = createConnection({ host: '127.0.0.1', port });
  // The tests reset this socket on purpose; its own error is not the test's failure.
  socket.on('error', () => {});
  await once(socket, 'connect');
  let pending = '';
  const replies: string[] = [];
  const waiting: ((reply: string) => void)[] = [];
  socket.on('data', (data: Buffer) => {
    pending += data.toString('latin1');
    for (let last = /^\d{3} .*\r\n/m.exec(pending); last; last = /^\d{3} .*\r\n/m.exec(pending)) {
      const end = last.index + last[0].length;
      const reply = pending.slice(0, end);
      pending = pending.slice(end);
      const waiter = waiting.shift();
      if (waiter) waiter(reply);
      else replies.push(reply);
    }
  });
  const dialogue: SmtpDialogue = {
    socket,
    reply: () => {
      const ready = replies.shift();
      return ready !== undefined ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    async command(line) {
      await dialogue.write(`${line}\r\n`);
      return dialogue.reply();
    },
    async write(data) {
      if (!socket.write(data)) await once(socket, 'drain');
    },
  };
  return dialogue;
}
