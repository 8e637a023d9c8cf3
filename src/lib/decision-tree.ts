import { z } from 'astro/zod';
import { validateTree } from './decision-tree-engine.ts';

// The schema lives here; the engine (validation, quiz state, URL state, Mermaid) lives in decision-tree-engine.ts,
// which has no zod at run time so the quiz island's bundle stays small. Everything is re-exported from here.
export * from './decision-tree-engine.ts';

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// A root-relative link: one leading slash (a second would make it protocol-relative), no spaces.
const ROOT_RELATIVE_HREF = /^\/(?![/\\])\S*$/;

const text = z.string().trim().min(1, { error: 'Write some text here; it cannot be empty.' });

const nodeId = z.string().regex(KEBAB_ID, {
  error: 'Use a kebab-case id: lowercase letters and digits joined by single hyphens, e.g. "web-app-on-server".',
});

const answerSchema = z.strictObject({
  label: text,
  next: z.string(),
});

const guidanceSchema = z.strictObject({
  text,
  source: z.strictObject({
    label: text,
    href: z.url({
      protocol: /^https$/,
      hostname: z.regexes.domain,
      error: 'Use an absolute https:// link, e.g. "https://www.rfc-editor.org/rfc/rfc9700#section-2.4".',
    }),
  }),
});

const questionNodeSchema = z.strictObject({
  id: nodeId,
  question: text,
  help: text.optional(),
  answers: z.array(answerSchema),
});

const outcomeNodeSchema = z.strictObject({
  id: nodeId,
  outcome: text,
  why: text,
  href: z.string().regex(ROOT_RELATIVE_HREF, {
    error: 'Use a root-relative link that starts with a single "/", e.g. "/api-auth/grant/implicit/".',
  }),
  guidance: guidanceSchema.optional(),
});

const treeShapeSchema = z.strictObject({
  title: text,
  description: text,
  start: z.string(),
  nodes: z.array(z.union([questionNodeSchema, outcomeNodeSchema])).min(1, {
    error: 'Add at least one node under "nodes".',
  }),
});

/** One answer of a question: the label readers click and the id of the node it leads to. */
export type Answer = z.infer<typeof answerSchema>;
/** A "current guidance" note on an outcome, with its normative source. */
export type Guidance = z.infer<typeof guidanceSchema>;
/** A node that asks the reader something and branches on the answer. */
export type QuestionNode = z.infer<typeof questionNodeSchema>;
/** A leaf node that names the recommended grant. */
export type OutcomeNode = z.infer<typeof outcomeNodeSchema>;
/** Any node of a decision tree. */
export type TreeNode = QuestionNode | OutcomeNode;
/** A parsed decision-tree file from content/decision-trees/. */
export type DecisionTree = z.infer<typeof treeShapeSchema>;

/** Zod schema of a decision-tree file; its refinement reports every validateTree problem at the offending field. */
export const decisionTreeSchema = treeShapeSchema.superRefine((tree, ctx) => {
  for (const problem of validateTree(tree)) {
    ctx.addIssue({ code: 'custom', message: problem.message, path: [...problem.path] });
  }
});
