/**
 * The crash test's victim: opens a workspace and saves one operation at a time through the
 * services into one annotator's layer: adds annotation `k<n>` and prints `ack k<n>`, then sets
 * its note to `checked k<n>` and prints `note k<n>`, each line only after the save resolved. A
 * note changes no count in the layer's summary, so its acknowledgement follows the write of the
 * layer file most closely. The parent kills the child with SIGKILL at a random moment or right
 * at an acknowledgement. Usage: crash-child.ts <workspace> <docId> <layer> <first-index> <seed>
 */
import { Workspace } from '../../../electron/services/workspace';
import { seededRandom } from './prng';

const [dir, docId, layer, first, seed] = process.argv.slice(2);
const ws = await Workspace.open(dir!);
const doc = await ws.openDocument(docId!, layer!);
const random = seededRandom(Number(seed));
for (let n = Number(first); ; n++) {
  const id = `k${n}`;
  const start = random.int(doc.text.length - 30);
  const end = start + 1 + random.int(25);
  await ws.applyChanges(docId!, layer!, [
    {
      op: 'addAnnotation',
      annotation: {
        id,
        label: n % 2 ? 'Claim' : 'Source',
        start,
        end,
        quote: doc.text.slice(start, end),
        attributes: {},
        author: layer!,
        createdAt: 't',
        updatedAt: 't',
      },
    },
  ]);
  process.stdout.write(`ack ${id}\n`);
  await ws.applyChanges(docId!, layer!, [{ op: 'updateAnnotation', id, before: {}, after: { note: `checked ${id}` } }]);
  process.stdout.write(`note ${id}\n`);
}
