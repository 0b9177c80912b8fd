/**
 * A guard against pathologically deep HTML (thousands of nested elements), which makes jsdom's
 * tree building quadratic and Readability's recursion overflow the stack. The page is parsed
 * with parse5 alone (linear and fast); only when it nests deeper than the limit are the deep
 * subtrees flattened to their text blocks and the page re-serialised. Text is kept in order;
 * only the excess wrappers go. parse5 is imported on first use, with the HTML importer's other
 * libraries (see html.ts).
 */
import type { DefaultTreeAdapterMap, defaultTreeAdapter } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];
type TreeAdapter = typeof defaultTreeAdapter;

/** How deep elements may nest before their subtree is flattened; real pages stay far below. */
export const MAX_NESTING = 96;

const TEXT_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'li', 'pre']);

/**
 * @param html a whole page
 * @returns the page itself when it nests no deeper than `maxDepth`, else the page with every
 * subtree below that depth reduced to its text blocks
 */
export async function limitNesting(html: string, maxDepth = MAX_NESTING): Promise<string> {
  const { defaultTreeAdapter: tree, parse, serialize } = await import('parse5');
  const document = parse(html);
  const tooDeep: ParentNode[] = [];
  const stack: [ParentNode, number][] = [[document, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth === maxDepth) {
      tooDeep.push(node);
      continue;
    }
    for (const child of node.childNodes ?? []) if ('childNodes' in child) stack.push([child, depth + 1]);
  }
  const flattened = tooDeep.filter((node) => node.childNodes.some((c) => 'childNodes' in c && c.childNodes.length > 0));
  if (flattened.length === 0) return html;
  for (const node of flattened) replaceChildren(tree, node, textBlocksOf(tree, node));
  return serialize(document);
}

/** The text blocks below `root`, in order, each as a fresh element holding only its text. */
function textBlocksOf(tree: TreeAdapter, root: ParentNode): ChildNode[] {
  const out: ChildNode[] = [];
  const stack: ChildNode[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (tree.isTextNode(node)) {
      if (node.value.trim() !== '') out.push(tree.createTextNode(node.value) as ChildNode);
    } else if (tree.isElementNode(node) && TEXT_BLOCKS.has(node.tagName)) {
      const block = tree.createElement(node.tagName, node.namespaceURI, []);
      tree.insertText(block, textOf(tree, node));
      out.push(block);
    } else if ('childNodes' in node) {
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
    }
  }
  return out;
}

function textOf(tree: TreeAdapter, root: ParentNode): string {
  let text = '';
  const stack: ChildNode[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (tree.isTextNode(node)) text += node.value;
    else if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return text;
}

function replaceChildren(tree: TreeAdapter, parent: ParentNode, children: ChildNode[]): void {
  parent.childNodes = [];
  for (const child of children) tree.appendChild(parent, child);
}
