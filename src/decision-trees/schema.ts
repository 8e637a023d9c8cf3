import { z } from 'astro/zod';

// The shape of a tree file. The checks that span nodes (references, loops, reachability) are in validate.ts, and
// the loader runs both; code shipped to the browser imports only types from here, so it bundles no zod.

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

/** Zod schema of a decision-tree file's shape; validateTree checks what spans nodes. */
export const decisionTreeSchema = z.strictObject({
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
export type DecisionTree = z.infer<typeof decisionTreeSchema>;

/** An entry of the decision-trees collection: the valid tree, or (in the dev server only) what is wrong with it. */
export const decisionTreeEntrySchema = z.union([
  z.strictObject({ tree: decisionTreeSchema }),
  z.strictObject({ problems: z.string() }),
]);
/** The data of a decision-trees collection entry. */
export type DecisionTreeEntry = z.infer<typeof decisionTreeEntrySchema>;
