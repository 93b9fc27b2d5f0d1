import { createTransport } from 'nodemailer';
import { connectDesk } from '../desk/context';
import { loadConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { reportStartFailures } from '../lib/start-failure';
import { createImapPoller } from './imap-poller';
import { startInboundListener } from './inbound-listener';
import { createInboundMailbox } from './inbound-mailbox';
import { startOutboundRelay } from './outbound-relay';

/** The mail process: the outbound relay the worker sends through, the inbound listener and the IMAP poller. */
const start = reportStartFailures();
const config = loadConfig();
const log = createLogger('mail', config.logLevel);
const ctx = await connectDesk(config, (why) =>
  log.warn({ why, waitMs: config.temporal.connectWaitMs }, 'waiting for Temporal'),
);
const { db } = ctx;

const { relayAddress, inboundAddress } = config.mail;
const closers: (() => Promise<void>)[] = [];
if (relayAddress) {
  const [host, port] = splitAddress(relayAddress);
  const relay = await startOutboundRelay({
    db,
    upstream: createTransport(config.mail.upstreamUrl),
    host,
    port,
    log,
  });
  closers.push(relay.close);
  log.info({ address: relayAddress, upstream: config.mail.upstreamUrl }, 'outbound relay listening');
}
if (inboundAddress) {
  const [host, port] = splitAddress(inboundAddress);
  const inbound = await startInboundListener({
    ctx,
    log,
    host,
    port,
    maxBytes: config.mail.inboundMaxBytes,
    attachmentMaxBytes: config.mail.attachmentMaxBytes,
  });
  closers.push(inbound.close);
  log.info({ address: inboundAddress }, 'inbound mail listening');
}
if (config.mail.imapUrl) {
  const mailbox = createInboundMailbox({ ctx, log, attachmentMaxBytes: config.mail.attachmentMaxBytes });
  const poller = createImapPoller({
    url: config.mail.imapUrl,
    intervalMs: config.mail.imapPollMs,
    receive: mailbox.receive,
    log,
  });
  poller.start();
  closers.push(poller.stop);
}
start.started();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'mail stopping');
    void Promise.all(closers.map((close) => close()))
      .then(ctx.close)
      .then(() => process.exit(0));
  });
}

function splitAddress(address: string): [string, number] {
  const at = address.lastIndexOf(':');
  return [address.slice(0, at).replace(/^\[|\]$/g, ''), Number(address.slice(at + 1))];
}
