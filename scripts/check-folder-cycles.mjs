/**
 * `node scripts/check-folder-cycles.mjs [src]`: fails when sibling folders import each other in a
 * cycle (DESIGN.md §2: a folder is a concept, and concepts stack). ESLint's import-x/no-cycle
 * catches file cycles only; `stream/` → `formats/` → `stream/` through different files passes it
 * yet makes neither folder understandable without the other.
 *
 * For every folder, its child folders are nodes (each with everything below it) and an edge is a
 * value import from a file in one child's subtree to a file in another's. Files directly in the
 * parent folder are the level above and are not nodes. Type-only imports are erased at build time
 * and do not count; neither do tests and test support, which sit beside what they test.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const isShipped = (path) =>
  /\.tsx?$/.test(path) &&
  !/\.(test|bench)\.tsx?$/.test(path) &&
  !path.split(sep).includes('test-support');

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return isShipped(path) ? [path] : [];
  });
}

/** Relative module specifiers the file imports or re-exports as values. */
function valueImports(path) {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return specifiers.filter((specifier) => specifier.startsWith('.'));
}

/** Folder-to-folder import edges: [importing folder, imported folder, example] (relative to root). */
export function folderEdges(root) {
  const edges = [];
  for (const path of sourceFiles(root)) {
    const from = relative(root, dirname(path));
    for (const specifier of valueImports(path)) {
      const to = relative(root, dirname(resolve(dirname(path), specifier)));
      if (to !== from && !to.startsWith('..')) {
        edges.push([from, to, `${relative(root, path)} → ${specifier}`]);
      }
    }
  }
  return edges;
}

/**
 * Cycles among sibling folders: for each edge between two folders, the pair of siblings it links
 * is the two paths' first differing segments under their common parent. Returns one example
 * import chain per cycle found (strongly connected groups of siblings).
 */
export function siblingCycles(edges) {
  const graphs = new Map(); // parent folder → sibling → Map(sibling → example)
  for (const [from, to, example] of edges) {
    const a = from === '' ? [] : from.split(sep);
    const b = to === '' ? [] : to.split(sep);
    let k = 0;
    while (k < a.length && k < b.length && a[k] === b[k]) k++;
    // One folder inside the other: the parent level importing its child or the reverse.
    if (k === a.length || k === b.length) continue;
    const parent = a.slice(0, k).join('/');
    const graph = graphs.get(parent) ?? new Map();
    graphs.set(parent, graph);
    const out = graph.get(a[k]) ?? new Map();
    graph.set(a[k], out);
    if (!out.has(b[k])) out.set(b[k], example);
  }
  const cycles = [];
  for (const [parent, graph] of graphs) {
    for (const group of stronglyConnected(graph)) {
      const members = new Set(group);
      const links = group.flatMap((node) =>
        [...(graph.get(node) ?? new Map())]
          .filter(([next]) => members.has(next))
          .map(([next, example]) => `  ${node}/ → ${next}/: ${example}`),
      );
      cycles.push({ parent: parent || '.', folders: group, links });
    }
  }
  return cycles;
}

/** Tarjan's groups of more than one node, iteratively (no recursion depth tied to folder count). */
function stronglyConnected(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  let counter = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work = [[start, [...(graph.get(start)?.keys() ?? [])], 0]];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, nexts] = frame;
      if (frame[2] < nexts.length) {
        const next = nexts[frame[2]++];
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push([next, [...(graph.get(next)?.keys() ?? [])], 0]);
        } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0]), low.get(node)));
      if (low.get(node) !== index.get(node)) continue;
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  }
  return groups;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const root = resolve(process.argv[2] ?? 'src');
  const cycles = siblingCycles(folderEdges(root));
  for (const cycle of cycles) {
    console.error(`Folders import each other in ${cycle.parent}/: ${cycle.folders.join(', ')}`);
    for (const link of cycle.links) console.error(link);
  }
  if (cycles.length > 0) {
    console.error('Move what both need below them (DESIGN.md §2).');
    process.exit(1);
  }
  console.log(`No import cycle between sibling folders under ${relative(process.cwd(), root)}/.`);
}
