import { isQuestion, outcomes } from './nodes.ts';
import type { DecisionTree } from './schema.ts';

/** The Mermaid node id drawn for a tree node id ("web-app-on-server" -> "n_web_app_on_server"). */
export function mermaidNodeId(id: string): string {
  return `n_${id.replace(/-/g, '_')}`;
}

/** The Mermaid edge id drawn for the answer leading from one node to another ("a-b", "c" -> "e_a_b__c"). */
export function mermaidEdgeId(fromId: string, toId: string): string {
  // Ids are kebab-case, so "__" never occurs inside a converted id and the split is unambiguous.
  return `e_${fromId.replace(/-/g, '_')}__${toId.replace(/-/g, '_')}`;
}

// Mermaid decodes "#name;" and "#123;" inside labels; these cover the characters that would end a
// quoted label, start markdown or HTML, open a directive ("%%{") or an entity of their own.
const MERMAID_ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '%': '#37;',
  '`': '#96;',
  '|': '#124;',
};

function mermaidLabel(value: string): string {
  const escaped = value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#"&<>%`|]/g, (ch) => MERMAID_ENTITIES[ch] ?? ch);
  return `"${escaped}"`;
}

// accTitle/accDescr run to the end of the line and are not entity-decoded, so only flatten them
// and break "%%" so the text cannot be read as a directive or comment.
function mermaidLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/%%/g, '% %');
}

/** Mermaid flowchart source for the tree: accessible title and description, diamonds for questions, rounded boxes for outcomes, labelled edges with ids. */
export function toMermaid(tree: DecisionTree): string {
  const outcomeNodes = outcomes(tree);
  const names = [...new Set(outcomeNodes.map((node) => node.outcome))];
  const lines = [
    'flowchart TD',
    `  accTitle: ${mermaidLine(tree.title)}`,
    `  accDescr: ${mermaidLine(`${tree.description} Possible outcomes: ${names.join(', ')}.`)}`,
  ];
  for (const node of tree.nodes) {
    lines.push(
      isQuestion(node)
        ? `  ${mermaidNodeId(node.id)}{${mermaidLabel(node.question)}}`
        : `  ${mermaidNodeId(node.id)}(${mermaidLabel(node.outcome)})`,
    );
  }
  for (const node of tree.nodes) {
    if (!isQuestion(node)) continue;
    for (const a of node.answers) {
      lines.push(
        `  ${mermaidNodeId(node.id)} ${mermaidEdgeId(node.id, a.next)}@-->|${mermaidLabel(a.label)}| ${mermaidNodeId(a.next)}`,
      );
    }
  }
  // No classDef: Mermaid writes class styles inline with !important, which would stop the quiz's path
  // highlight (CSS) from thickening outcome nodes. Outcomes are told apart by their rounded shape.
  return `${lines.join('\n')}\n`;
}

/**
 * The Mermaid node id of a drawn node group, from its element id: Mermaid names the group
 * `<svgId>-flowchart-<nodeId>-<counter>`, e.g. "decision-tree-x-light-flowchart-n_web_app-2" -> "n_web_app".
 */
export function drawnNodeId(svgId: string, elementId: string): string | undefined {
  const prefix = `${svgId}-flowchart-`;
  if (svgId === '' || !elementId.startsWith(prefix)) return undefined;
  return /^(n_[a-z0-9_]+)-\d+$/.exec(elementId.slice(prefix.length))?.[1];
}
