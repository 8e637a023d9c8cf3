import { accessSync, constants, statSync } from 'node:fs';
import { z } from 'astro/zod';

/**
 * Every environment setting the build, the dev server and the tests read, parsed and validated once, here.
 * A bad value fails at once with the variable's name and what to write instead.
 */

const flag = z.enum(['0', '1'], { error: 'Write 1 or 0.' }).optional();

const executable = z.string().superRefine((path, ctx) => {
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    accessSync(path, constants.X_OK);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `"${path}" is not an executable file. Point it at a Chrome or Chromium executable, e.g. /usr/bin/chromium, or unset it.`,
    });
  }
});

const settingsSchema = z.object({
  /** Public URL of the deployed site: canonical links, the sitemap, robots.txt, social cards. */
  SITE_URL: z
    .url({ protocol: /^https?$/, error: 'Write an absolute http(s) URL, e.g. https://docs.example.com.' })
    .optional(),
  /** Path the site is served under, e.g. /docs/ on GitHub Pages project sites. */
  BASE_PATH: z
    .string()
    .regex(/^\/(?:[^/\s]+\/)*$/, { error: 'Write a path that starts and ends with "/", e.g. /docs/.' })
    .default('/'),
  /** The browser that draws diagrams at build time (and runs the browser tests). */
  CHROMIUM_PATH: executable.optional(),
  /** 1: draw no diagram at build time; the reader's browser draws them (what a machine without a browser gets). */
  MERMAID_NO_BROWSER: flag,
  /** Where drawn diagrams are cached between builds. */
  MERMAID_CACHE_DIR: z.string().min(1).optional(),
  /** The folder of specification texts citations are checked against (default: ../shared/reference/rfc). */
  SPEC_TEXTS_DIR: z.string().min(1).optional(),
  /** 0: skip the link check after the build (the benchmark's synthetic sites). */
  LINK_CHECK: flag,
});

/** The validated settings. */
export type Settings = z.infer<typeof settingsSchema>;

/** Parses the settings from an environment (process.env by default); throws one message per bad variable. */
export function readSettings(env: Record<string, string | undefined> = process.env): Settings {
  // An empty variable means unset, as in most shells' VAR= idiom.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = settingsSchema.safeParse(given);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new SettingsError(`Invalid environment settings:\n${lines.join('\n')}`);
}

/** Where a build without SITE_URL points: fine for the dev server and tests, wrong for a deployment. */
export const LOCAL_SITE_URL = 'http://localhost:4321';

/** A bad environment variable: the message names it, a stack trace would not help. */
class SettingsError extends Error {
  override name = 'SettingsError';
  constructor(message: string) {
    super(message);
    this.stack = message;
  }
}
