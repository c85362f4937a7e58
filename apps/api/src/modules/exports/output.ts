// Writing to an export's output with backpressure: a writer waits while the reader (an HTTP
// response, a file, a zip entry) is behind, and stops when the reader is gone.
import type { Writable } from 'node:stream';

export class OutputClosedError extends Error {
  constructor() {
    super('The export output was closed before the export finished.');
  }
}

function drained(output: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      output.off('drain', onDrain).off('close', onClose).off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new OutputClosedError());
    const onError = (error: Error) => settle(error);
    output.on('drain', onDrain).on('close', onClose).on('error', onError);
  });
}

export async function writeChunk(output: Writable, chunk: string | Buffer): Promise<void> {
  if (output.destroyed || output.writableEnded) throw new OutputClosedError();
  if (!output.write(chunk)) await drained(output);
}
