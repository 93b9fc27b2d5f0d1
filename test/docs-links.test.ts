import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionTable } from '../api/tickets/action-table';
import { ticketIntakeSchema } from '../api/tickets/intake-schema';
import { projectRoot } from '../dev/support';

const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8');
const docs = ['README.md', ...readdirSync(join(projectRoot, 'docs')).map((name) => `docs/${name}`)].filter(
  (path) => path.endsWith('.md'),
);

// The folders of the project; a path in a doc that starts with one of them names a file of the repo.
const projectFolders = new Set(
  'activities api bench chaos desk dev docs domain examples lib mail migrations portal test worker workflows'.split(
    ' ',
  ),
);

// What a run writes (the bench's results, the data folder) is named by the docs but never committed.
const generatedFolders = read('.gitignore')
  .split('\n')
  .filter((line) => line.endsWith('/'));

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of withoutCode(markdown).matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const slug = heading!
      .replace(/`/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count ? `${slug}-${count}` : slug);
  }
  return anchors;
}

function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** Whether a path, possibly with `*` in its last part, names at least one file or folder. */
function pathExists(path: string): boolean {
  const absolute = resolve(projectRoot, path.replace(/\/$/, ''));
  if (!path.includes('*')) return existsSync(absolute);
  const folder = dirname(absolute);
  const pattern = new RegExp(
    `^${absolute
      .slice(folder.length + 1)
      .replace(/\./g, '\\.')
      .replace(/\*/g, '.*')}$`,
  );
  return existsSync(folder) && readdirSync(folder).some((name) => pattern.test(name));
}

describe('the documentation stays inside the repo', () => {
  it.each(docs)('every relative link of %s reaches a file of the repo and a heading in it', (doc) => {
    const broken: string[] = [];
    for (const [, target] of withoutCode(read(doc)).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [file, anchor] = target!.split('#');
      const path = file ? relative(projectRoot, resolve(projectRoot, dirname(doc), file)) : doc;
      if (path.startsWith('..') || !existsSync(join(projectRoot, path)))
        broken.push(`${target}: no such file`);
      else if (anchor && !anchorsOf(read(path)).has(anchor)) broken.push(`${target}: no such heading`);
    }
    expect(broken).toEqual([]);
  });

  it.each(docs)('every path of the repo that %s names exists', (doc) => {
    const named = [...read(doc).matchAll(/`([\w.-]+\/[\w.*-][\w./*-]*)`/g)].map(([, path]) => path!);
    const missing = named.filter(
      (path) =>
        projectFolders.has(path.split('/')[0]!) &&
        !generatedFolders.some((folder) => path.startsWith(folder)) &&
        !pathExists(path),
    );
    expect(missing).toEqual([]);
  });

  it('no doc or source file points at files outside the repo', () => {
    const outside = ['..', 'shared'].join('/');
    const skip = new Set(['node_modules', '.git', '.tools', '.data', 'test-results', 'histories']);
    const offenders: string[] = [];
    const walk = (folder: string) => {
      for (const name of readdirSync(join(projectRoot, folder))) {
        const path = folder ? `${folder}/${name}` : name;
        if (skip.has(name)) continue;
        if (statSync(join(projectRoot, path)).isDirectory()) walk(path);
        else if (/\.(md|ts|js|json|html|sh)$/.test(name) && read(path).includes(outside))
          offenders.push(path);
      }
    };
    walk('');
    expect(offenders).toEqual([]);
  });
});

describe('docs/configuration.md', () => {
  it('names every variable lib/config.ts reads', () => {
    const variables = [...read('lib/config.ts').matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map(
      ([, name]) => name!,
    );
    expect(variables.length).toBeGreaterThan(20);
    const page = read('docs/configuration.md');
    expect(variables.filter((name) => !page.includes(`\`${name}\``))).toEqual([]);
  });
});

describe('docs/procedures.md', () => {
  const page = read('docs/procedures.md');
  const rules = Array.from({ length: 25 }, (_, i) => `R${i + 1}`);
  const mapRows = new Map(
    [...page.matchAll(/^\| (R\d+) \| (.+) \| (.+) \|$/gm)].map(([, rule, code, tests]) => [
      rule!,
      { code, tests },
    ]),
  );

  it('states every rule R1–R25 and maps each to the code that implements it and the tests that show it', () => {
    expect(rules.filter((rule) => !page.includes(`- **${rule}** `))).toEqual([]);
    expect([...mapRows.keys()]).toEqual(rules);
  });

  it('names test files that exist', () => {
    const missing = [...mapRows.values()]
      .flatMap(({ tests }) => [...tests!.matchAll(/`([\w/*-]+)`/g)].map(([, name]) => name!))
      .filter((name) => !pathExists(`test/${name.endsWith('*') ? name : `${name}.test.ts`}`));
    expect(missing).toEqual([]);
  });
});

describe('the first ticket of the README', () => {
  it('sends a body the API accepts', () => {
    const body = JSON.parse(read('examples/first-ticket.json'));
    expect(ticketIntakeSchema.safeParse(body).error?.issues ?? []).toEqual([]);
  });

  it('takes actions whose bodies the API accepts, through to CLOSED, as the script does', () => {
    const actionsOf = (text: string) =>
      [...text.matchAll(/^act\s+([\w-]+)\s+\$\w+\s+'(.+)'$/gm)].map(([, action, body]) => ({
        action: action as keyof typeof actionTable,
        body: JSON.parse(body!) as unknown,
      }));
    const actions = actionsOf(read('README.md'));
    expect(actions.map(({ action }) => action)).toEqual([
      'assign',
      'start-analysis',
      'propose-solution',
      'start-testing',
      'accept',
      'close',
    ]);
    for (const { action, body } of actions)
      expect(actionTable[action].body.safeParse(body).error).toBeUndefined();
    expect(actionsOf(read('examples/first-ticket.sh'))).toEqual(actions);
  });
});
