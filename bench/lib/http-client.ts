// A lean HTTP/1.1 client for load generators: one keep-alive connection per simulated user, as a
// browser tab holds. Cheaper per request than fetch, so the generator takes less of the cores it
// shares with the measured server.
import http from 'node:http';

export interface Response {
  status: number;
  body: string;
}

export function connection(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 1 });
}

export function request(agent: http.Agent, method: string, url: string, headers: Record<string, string>, body?: string) {
  return new Promise<Response>((resolve, reject) => {
    const outgoing = http.request(
      url,
      { method, agent, headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
