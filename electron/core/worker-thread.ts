// Starts a worker thread from its entry file beside the caller. The built main process has each worker as a bundle
// of its own beside index.js (electron.vite.config.ts); from the TypeScript sources (the tests, the CLI) the worker
// registers tsx before it loads its entry.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `name`: the entry's file name without its extension, in the folder of `from` (the caller's import.meta.url). */
export function startWorker(name: string, from: string, options: WorkerOptions): Worker {
  const fromSources = from.endsWith('.ts');
  const entry = new URL(`./${name}${fromSources ? '.ts' : '.js'}`, from);
  if (!fromSources) return new Worker(entry, options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const boot = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
