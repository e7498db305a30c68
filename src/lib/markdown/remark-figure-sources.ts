/**
 * A remark plugin for MDX posts that tells an explorable figure where its code lives. At build
 * time <VegaChart spec={decay} /> receives the value of `decay`, not where it came from; to run
 * the same function in the browser the build must bundle it from its module. So where a chart's
 * `spec` (or a printed output's `text`) is a name the post imports, this adds
 * `source="content/posts/…/figures.ts#decay"`: the module, from the project's root, and the
 * export. The components use it only when the value is explorable (src/lib/explorable.ts).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { visit } from 'unist-util-visit';

/** The attribute of each component that may hold an explorable figure. */
export const SOURCE_ATTRIBUTES: Readonly<Record<string, string>> = { VegaChart: 'spec', PrintedOutput: 'text' };

/** The attribute the plugin adds. */
export const SOURCE_ATTRIBUTE = 'source';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

interface EstreeImport {
  type: string;
  source?: { value?: unknown };
  specifiers?: { type: string; local?: { name?: string }; imported?: { name?: string; value?: string } }[];
}

/**
 * The module an import names, from the project's root with forward slashes, or undefined for a
 * package (which holds no post's code) or a path outside the project.
 */
export function projectModule(specifier: string, postFile: string, root: string): string | undefined {
  const path = specifier.startsWith('~/')
    ? resolve(root, 'src', specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(postFile), specifier)
      : undefined;
  if (!path) return undefined;
  const fromRoot = relative(root, path);
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return undefined;
  return fromRoot.split(sep).join('/');
}

/** Local name → "module#export" for every named import of a project module in the post. */
function importedNames(tree: Root, postFile: string, root: string): Map<string, string> {
  const names = new Map<string, string>();
  visit(tree, 'mdxjsEsm', (node) => {
    const program = (node.data as { estree?: { body?: EstreeImport[] } } | undefined)?.estree;
    for (const statement of program?.body ?? []) {
      if (statement.type !== 'ImportDeclaration' || typeof statement.source?.value !== 'string') continue;
      const module = projectModule(statement.source.value, postFile, root);
      if (!module) continue;
      for (const specifier of statement.specifiers ?? []) {
        const local = specifier.local?.name;
        const imported = specifier.type === 'ImportSpecifier' ? (specifier.imported?.name ?? specifier.imported?.value) : undefined;
        if (local && imported) names.set(local, `${module}#${imported}`);
      }
    }
  });
  return names;
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

export default function remarkFigureSources() {
  return (tree: Root, file: VFile): void => {
    if (!file.path) return;
    const names = importedNames(tree, file.path, file.cwd);
    if (names.size === 0) return;
    visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
      const element = node as unknown as { name?: string | null; attributes: JsxAttribute[] };
      const attribute = element.name ? SOURCE_ATTRIBUTES[element.name] : undefined;
      if (!attribute || element.attributes.some((a) => a.name === SOURCE_ATTRIBUTE)) return;
      const given = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === attribute);
      const expression = (given?.value as { type?: string; value?: string } | undefined)?.value?.trim();
      if ((given?.value as { type?: string } | undefined)?.type !== 'mdxJsxAttributeValueExpression' || !expression) return;
      if (!IDENTIFIER.test(expression) || !names.has(expression)) return;
      element.attributes.push({ type: 'mdxJsxAttribute', name: SOURCE_ATTRIBUTE, value: names.get(expression)! });
    });
  };
}
