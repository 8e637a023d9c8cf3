import { compile } from '@mdx-js/mdx';
import { describe, expect, test } from 'vitest';
import { remarkComponentImports } from '../../src/markdown/remark-component-imports.ts';

const components = {
  PkceCalculator: '/site/src/components/PkceTool.astro',
  DecisionQuiz: '/site/src/components/DecisionQuiz.astro',
};

/** Compiles MDX with the plugin, as Astro's MDX integration does, and returns the JavaScript module. */
async function compiled(mdx: string): Promise<string> {
  return String(await compile(mdx, { remarkPlugins: [remarkComponentImports(components)] }));
}

describe('remarkComponentImports', () => {
  test('imports a component the page uses, from its module, and the page renders that import', async () => {
    const js = await compiled('# PKCE\n\n<PkceCalculator />\n');
    expect(js).toContain('import PkceCalculator from "/site/src/components/PkceTool.astro";');
    expect(js).toMatch(/_jsx\(PkceCalculator, \{\}\)/);
    expect(js).not.toContain('DecisionQuiz');
  });

  test('imports nothing into a page that uses none of the components', async () => {
    const js = await compiled('# Implicit Grant\n\nNo islands here.\n');
    expect(js).not.toContain('/site/src/components/');
  });

  test('imports each component once, also when it is used inline or more than once', async () => {
    const js = await compiled('<DecisionQuiz id="a" />\n\nText <PkceCalculator /> text.\n\n<DecisionQuiz id="b" />\n');
    expect(js.match(/import DecisionQuiz from/g)).toHaveLength(1);
    expect(js.match(/import PkceCalculator from/g)).toHaveLength(1);
  });

  test('leaves a page that imports the component itself with its own import', async () => {
    const js = await compiled('import PkceCalculator from "./my-calculator.astro";\n\n<PkceCalculator />\n');
    expect(js).toContain('import PkceCalculator from "./my-calculator.astro";');
    expect(js).not.toContain('/site/src/components/PkceTool.astro');
  });
});
