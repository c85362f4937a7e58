// Turns a writer run into an HTTP response body. The response starts only once the writer has
// produced its first bytes: a failure before that (a 4xx from a check, a query error) becomes an
// ordinary error response. A failure after that can only cut the download short, and is logged.
import { Transform, type Readable, type Writable } from 'node:stream';
import { OutputClosedError } from './output.ts';

export async function streamExport(run: (output: Writable) => Promise<void>, onLateError: (error: unknown) => void): Promise<Readable> {
  let started!: () => void;
  const firstBytes = new Promise<void>((resolve) => (started = resolve));
  const output = new Transform({
    transform(chunk, _encoding, callback) {
      started();
      callback(null, chunk);
    },
  });
  const finished = run(output).then(() => {
    output.end();
  });
  try {
    await Promise.race([firstBytes, finished]);
  } catch (error) {
    output.destroy();
    throw error;
  }
  finished.catch((error: unknown) => {
    if (!(error instanceof OutputClosedError)) onLateError(error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return output;
}
