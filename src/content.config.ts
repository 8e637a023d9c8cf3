import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { decisionTreeSchema } from './lib/decision-tree.ts';
import { frontmatterSchema } from './lib/frontmatter.ts';

/** Every page of the site: MDX in content/. Files and folders starting with "_" are partials, not pages. */
const docs = defineCollection({
  loader: glob({ pattern: ['**/*.mdx', '!**/_*', '!**/_*/**'], base: './content' }),
  schema: frontmatterSchema,
});

/** Decision trees: one YAML file each; the flowchart and the quiz of a tree are both derived from it. */
const decisionTrees = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/decision-trees' }),
  schema: decisionTreeSchema,
});

export const collections = { docs, decisionTrees };
