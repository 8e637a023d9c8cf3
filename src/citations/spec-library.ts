import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseSpecText, type SpecDocument } from './spec-text.ts';

/** The environment variable that points the checker at another folder of specification texts. */
export const SPEC_TEXTS_ENV = 'SPEC_TEXTS_DIR';

/**
 * Where the specification texts are: `$SPEC_TEXTS_DIR` when set, else `../shared/reference/rfc` beside the
 * repository (CI clones the repository next to `shared/`).
 */
export function specTextsDir(repoRoot: string, env: Readonly<Record<string, string | undefined>> = process.env) {
  const fromEnv = env[SPEC_TEXTS_ENV];
  return fromEnv ? resolve(repoRoot, fromEnv) : resolve(repoRoot, '..', 'shared', 'reference', 'rfc');
}

/** The specification texts of one folder, each read and split into sections on first use. */
export interface SpecLibrary {
  /** The folder the texts are read from. */
  readonly dir: string;
  /** The file stems we have a text for: "rfc6749", "oidc-core-1_0", "draft-ietf-oauth-v2-1", ... */
  readonly stems: ReadonlySet<string>;
  /** The document with this stem, or undefined when the folder has no `<stem>.txt`. */
  document(stem: string): SpecDocument | undefined;
}

/** Opens the folder of specification texts; undefined when the folder does not exist. */
export function openSpecLibrary(dir: string): SpecLibrary | undefined {
  if (!existsSync(dir)) return undefined;
  const stems = new Set(
    readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => name.slice(0, -'.txt'.length)),
  );
  const parsed = new Map<string, SpecDocument>();
  return {
    dir,
    stems,
    document(stem) {
      if (!stems.has(stem)) return undefined;
      let doc = parsed.get(stem);
      if (!doc) {
        doc = parseSpecText(readFileSync(join(dir, `${stem}.txt`), 'utf8'));
        parsed.set(stem, doc);
      }
      return doc;
    },
  };
}
