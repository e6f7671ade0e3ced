import { describe, expect, it } from 'vitest';
import { threadChannel } from '../../electron/core/files/thread-channel';

const ECHO_OR_DIE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, text }) => {
  if (text === 'die') process.exit(3);
  parentPort.postMessage({ id, text: text.toUpperCase() });
});
`;

describe('a thread asked by message', () => {
  it('answers each request with its own reply, several at once', async () => {
    const thread = threadChannel<{ text: string }, { text: string }>(ECHO_OR_DIE);
    try {
      expect((await Promise.all(['a', 'b', 'c'].map((text) => thread.request({ text })))).map((r) => r.text)).toEqual(['A', 'B', 'C']);
    } finally {
      await thread.close();
    }
  });

  it('refuses the requests waiting, and any later one, when the thread stops, instead of leaving them waiting for ever', async () => {
    const thread = threadChannel<{ text: string }, { text: string }>(ECHO_OR_DIE);
    try {
      await expect(thread.request({ text: 'die' })).rejects.toThrow('The thread stopped (exit code 3).');
      await expect(thread.request({ text: 'again' })).rejects.toThrow('The thread stopped');
    } finally {
      await thread.close();
    }
  });
});
