import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { decisionTreeLoader } from './decision-trees/loader.ts';
import { frontmatterSchema } from './lib/frontmatter.ts';

/** Every page of the site: MDX in content/. Files and folders starting with "_" are partials, not pages. */
const docs = defineCollection({
  loader: glob({ pattern: ['**/*.mdx', '!**/_*', '!**/_*/**'], base: './content' }),
  schema: frontmatterSchema,
});

/** Decision trees: one YAML file each, parsed once; the flowchart and the quiz of a tree both come from its entry. */
const decisionTrees = defineCollection({ loader: decisionTreeLoader({ folder: './content/decision-trees' }) });

export const collections = { docs, decisionTrees };
