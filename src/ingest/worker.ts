// A pool worker: loads the analysis (knowledge base, tagger model) once, then prepares the records
// the main thread sends, one at a time, in the order received.
import { parentPort } from 'node:worker_threads';
import { prepare, type PrepareTask } from './prepare.js';

if (!parentPort) throw new Error('src/ingest/worker.ts runs as a worker thread');
const port = parentPort;
port.on('message', (task: PrepareTask) => {
  port.postMessage(prepare(task));
});
