import type { MailComposerOptions } from 'nodemailer/lib/mail-composer';
import { draftFileName, draftOptions, EMAIL_DRAFT_TYPE, type EmailDraft } from './email-draft';
import type { OutgoingFile } from './output';
import { threadChannel } from './thread-channel';

/**
 * Makes a batch of e-mail drafts (thousands of outcome notices) on a thread of its own: MailComposer
 * is most of the work of a batch, and this way it runs beside the reading, recording and rendering
 * of the next drafts instead of after them. The drafts are the same bytes email-draft.ts makes one
 * at a time: the thread is given `draftOptions(draft)`, made here, and only runs MailComposer on
 * them. Its code is the string below (files/thread-channel.ts runs it); MailComposer is required from the path this module resolves
 * (node_modules beside the bundle, in the app as in the tests), so it needs no file of its own.
 */

const THREAD_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const MailComposer = require(workerData.mailComposer);
parentPort.on('message', async ({ id, drafts }) => {
  try {
    const files = [];
    for (const options of drafts) {
      // A Buffer arrives as a Uint8Array: MailComposer wants it back.
      for (const attachment of options.attachments || []) if (attachment.content instanceof Uint8Array) attachment.content = Buffer.from(attachment.content);
      const built = await new MailComposer(options).compile().build();
      files.push(built.buffer.slice(built.byteOffset, built.byteOffset + built.byteLength));
    }
    parentPort.postMessage({ id, files }, files);
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

interface Reply {
  files?: ArrayBuffer[];
  error?: string;
}

/** Drafts handed to the thread at once, and chunks on their way at once: the thread never idles, memory stays bounded. */
const CHUNK = 64;
const CHUNKS_IN_FLIGHT = 3;

/** A draft MailComposer could not make (an address it refuses): the batch stops. */
export class DraftNotMadeError extends Error {
  override name = 'DraftNotMadeError';
}

/** One composer thread and the chunks it was given. */
function composerThread() {
  const thread = threadChannel<{ drafts: MailComposerOptions[] }, Reply>(THREAD_CODE, { mailComposer: require.resolve('nodemailer/lib/mail-composer') });
  return {
    async compose(chunk: readonly { draft: EmailDraft; fileName: string }[]): Promise<OutgoingFile[]> {
      const reply = await thread.request({ drafts: chunk.map((d) => draftOptions(d.draft)) });
      if (reply.error !== undefined || !reply.files) throw new DraftNotMadeError(reply.error ?? 'The e-mail draft could not be made.');
      return reply.files.map((bytes, i): OutgoingFile => ({ fileName: draftFileName(chunk[i]?.fileName ?? ''), mediaType: EMAIL_DRAFT_TYPE, bytes: new Uint8Array(bytes) }));
    },
    close: () => thread.close(),
  };
}

/**
 * The drafts as files, in order, made on the composer thread. One thread: on the two-core machine
 * measured, a second one made a batch slower (the disk writes need a core too).
 */
export async function* composeDrafts(drafts: Iterable<{ draft: EmailDraft; fileName: string }>): AsyncGenerator<OutgoingFile> {
  const thread = composerThread();
  const inFlight: Promise<OutgoingFile[]>[] = [];
  try {
    let chunk: { draft: EmailDraft; fileName: string }[] = [];
    for (const draft of drafts) {
      chunk.push(draft);
      if (chunk.length < CHUNK) continue;
      inFlight.push(thread.compose(chunk));
      chunk = [];
      // Yield the oldest chunk once enough are on their way, in order.
      if (inFlight.length >= CHUNKS_IN_FLIGHT) yield* await (inFlight.shift() as Promise<OutgoingFile[]>);
    }
    if (chunk.length > 0) inFlight.push(thread.compose(chunk));
    while (inFlight.length > 0) yield* await (inFlight.shift() as Promise<OutgoingFile[]>);
  } finally {
    // Stopped early (a failure, the consumer gave up): nothing waits on the chunks left.
    for (const left of inFlight) left.catch(() => {});
    await thread.close();
  }
}
