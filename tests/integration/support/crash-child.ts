/**
 * The crash test's victim: opens a workspace and saves annotations one operation at a time
 * through the services, printing `ack <id>` only after each save resolved. The parent kills it
 * with SIGKILL at a random moment. Usage: crash-child.ts <workspace> <docId> <first-index>
 */
import { Workspace } from '../../../electron/services/workspace';

const [dir, docId, first] = process.argv.slice(2);
const ws = await Workspace.open(dir!);
const doc = await ws.getDocument(docId!);
let n = Number(first);
let seed = n * 7919 + 13;
const rand = (m: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % m;
};
for (;;) {
  const id = `k${n++}`;
  const start = rand(doc.text.length - 30);
  const end = start + 1 + rand(25);
  await ws.applyChanges(docId!, [
    {
      op: 'addAnnotation',
      annotation: { id, label: n % 2 ? 'Claim' : 'Source', start, end, quote: doc.text.slice(start, end), attributes: {}, author: 'crash', createdAt: 't', updatedAt: 't' },
    },
  ]);
  process.stdout.write(`ack ${id}\n`);
}
