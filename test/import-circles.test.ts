import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// eslint's import-x/no-cycle skips type-only imports by design; a reader following `import type` still walks
// in a circle, so this walks every import the compiler sees, types included.

const root = new URL('..', import.meta.url).pathname;
const config = ts.getParsedCommandLineOfConfigFile(
  `${root}tsconfig.json`,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
)!;

/** Each file and the project files it imports, by path relative to the repository. */
function importGraph(files = config.fileNames): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const imported = importedFiles
      .map(({ fileName }) => ts.resolveModuleName(fileName, file, config.options, ts.sys).resolvedModule)
      .filter((module) => module && !module.isExternalLibraryImport)
      .map((module) => relative(root, module!.resolvedFileName));
    graph.set(relative(root, file), imported);
  }
  return graph;
}

/** The groups of files that import each other, directly or round about (Tarjan's strongly connected components). */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group = stack.splice(stack.indexOf(file));
    if (group.length > 1 || graph.get(file)?.includes(file)) found.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('the import structure', () => {
  it('reads the whole project, type-only imports included', () => {
    const graph = importGraph();
    expect(graph.get('activities/ticket-projection.ts')).toContain('domain/ticket-view.ts');
    expect(graph.get('workflows/ticket-state.ts')).toContain('domain/ticket-events.ts');
  });

  it('has no import circle: every module can be read before the modules that import it', () => {
    expect(circles(importGraph())).toEqual([]);
  });

  it('would name a circle made only of type imports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'circle-'));
    try {
      const view = join(dir, 'view.ts');
      const state = join(dir, 'state.ts');
      writeFileSync(
        view,
        "import type { State } from './state';\nexport type View = Pick<State, 'stage'>;\n",
      );
      writeFileSync(
        state,
        "import type { View } from './view';\nexport interface State { stage: string; view?: View }\n",
      );
      const found = circles(importGraph([view, state]));
      expect(found.map((group) => group.map((file) => basename(file)))).toEqual([['state.ts', 'view.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
