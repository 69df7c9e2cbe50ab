// Entry of the import's worker thread: its body (read-worker.ts) is TypeScript, so tsx's loader is
// registered in the thread first. A worker started from the test runner has no loader of its own.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
