/**
 * The ledger sheet of the copy deflated on a worker thread while the main thread is
 * still writing it: each piece goes over as it fills, and the output comes back in
 * order when the part ends. The worker runs the same zlib call on the same pieces as
 * the main thread would, so the bytes are the same. The command is synchronous: it
 * takes the results with receiveMessageOnPort, sleeping on a shared counter the
 * worker bumps after each reply.
 */
import * as zlib from 'zlib';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';
import type { PieceDeflater } from '../xlsx';

/** Same level as the command's other deflates (commands.ts). */
const LEVEL = 2;
/** Without a reply for this long the worker is taken for dead. */
const STALL_MS = 60_000;

const WORKER_SOURCE = `
const { workerData } = require('worker_threads');
const zlib = require('zlib');
const { port, counter, level } = workerData;
const replies = new Int32Array(counter);
port.on('message', (m) => {
  try {
    const out = zlib.deflateRawSync(m.chunk, { level, finishFlush: m.last ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH });
    const data = Uint8Array.prototype.slice.call(out);
    port.postMessage({ data }, [data.buffer]);
  } catch (e) {
    port.postMessage({ error: String(e && e.message || e) });
  }
  Atomics.add(replies, 0, 1);
  Atomics.notify(replies, 0);
});
`;

interface Reply {
  data?: Uint8Array;
  error?: string;
}

/** The deflate of one piece, as the main thread would do it. */
export function deflatePiece(data: Uint8Array, last: boolean): Uint8Array {
  return zlib.deflateRawSync(data, { level: LEVEL, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH });
}

let worker: Worker | null = null;
let port: MessagePort | null = null;
let replies: Int32Array | null = null;
let failed = false;

function start(): boolean {
  if (worker) return true;
  if (failed) return false;
  try {
    const channel = new MessageChannel();
    const counter = new SharedArrayBuffer(4);
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: channel.port2, counter, level: LEVEL }, transferList: [channel.port2] });
    worker.unref();
    channel.port1.unref();
    port = channel.port1;
    replies = new Int32Array(counter);
    return true;
  } catch {
    failed = true;
    return false;
  }
}

/** A PieceDeflater on the worker, or on this thread when no worker can be started. */
export function workerPieceDeflater(): PieceDeflater {
  if (!start()) {
    const out: Uint8Array[] = [];
    return { push: (chunk, last) => out.push(deflatePiece(chunk, last)), finish: () => out };
  }
  const p = port as MessagePort;
  const counter = replies as Int32Array;
  let sent = 0;
  const out: Uint8Array[] = [];
  return {
    push(chunk, last) {
      const copy = chunk.slice();
      p.postMessage({ chunk: copy, last }, [copy.buffer]);
      sent++;
    },
    finish() {
      let waitedSince = Date.now();
      while (out.length < sent) {
        const seen = Atomics.load(counter, 0);
        const m = receiveMessageOnPort(p) as { message: Reply } | undefined;
        if (m) {
          if (m.message.error !== undefined || !m.message.data) {
            close();
            throw new Error(`deflate failed: ${m.message.error ?? 'no data'}`);
          }
          out.push(m.message.data);
          waitedSince = Date.now();
          continue;
        }
        if (Atomics.wait(counter, 0, seen, 1000) === 'timed-out' && Date.now() - waitedSince > STALL_MS) {
          close();
          failed = true;
          throw new Error('deflate worker stopped answering');
        }
      }
      return out;
    },
  };
}

/** Stops the worker (the command's end); a later copy starts another. */
export function close(): void {
  if (worker) void worker.terminate();
  port?.close();
  worker = null;
  port = null;
  replies = null;
}
