import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterSchema } from './lib/frontmatter.ts';

/** Every page of the site: MDX in content/. Files and folders starting with "_" are partials, not pages. */
const docs = defineCollection({
  loader: glob({ pattern: ['**/*.mdx', '!**/_*', '!**/_*/**'], base: './content' }),
  schema: frontmatterSchema,
});

export const collections = { docs };
