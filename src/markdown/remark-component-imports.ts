import type { Root, RootContent } from 'mdast';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import { visit } from 'unist-util-visit';

/**
 * Imports the site's MDX components into each page that uses them, and only those: `<PkceCalculator />` and the
 * `<DecisionTree id="…" />` need no import line from authors. Because the page module
 * itself imports the component, Astro links the component's styles to that page alone; passed to every page
 * through `<Content components>`, they would ride along on all of them.
 *
 * `components` maps the name authors write to the component's module (an absolute path).
 */
export function remarkComponentImports(components: Readonly<Record<string, string>>) {
  return () => (tree: Root) => {
    const used = new Set<string>();
    // A page that imports or declares the name itself keeps its own binding.
    const declared = new Set<string>();
    visit(tree, (node) => {
      if (
        (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
        node.name &&
        node.name in components
      )
        used.add(node.name);
      if (node.type === 'mdxjsEsm') for (const name of namesDeclaredBy(node)) declared.add(name);
    });
    const imports = [...used]
      .filter((name) => !declared.has(name))
      .sort()
      .map((name) => importNode(name, components[name]!));
    (tree.children as RootContent[]).unshift(...imports);
  };
}

/** Names an ESM block binds: its imports and exported variables. */
function namesDeclaredBy(node: MdxjsEsm): string[] {
  return (node.data?.estree?.body ?? []).flatMap((statement) => {
    if (statement.type === 'ImportDeclaration') return statement.specifiers.map((s) => s.local.name);
    if (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration')
      return statement.declaration.declarations.flatMap((d) => (d.id.type === 'Identifier' ? [d.id.name] : []));
    return [];
  });
}

/** `import Name from "module";` as MDX's ESM node, with the estree MDX compiles from. */
function importNode(name: string, module: string): MdxjsEsm {
  const statement = `import ${name} from ${JSON.stringify(module)};`;
  return {
    type: 'mdxjsEsm',
    value: statement,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }],
            source: { type: 'Literal', value: module, raw: JSON.stringify(module) },
            attributes: [],
          },
        ],
      },
    },
  };
}
