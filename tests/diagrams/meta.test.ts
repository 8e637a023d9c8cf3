import { describe, expect, test } from 'vitest';
import {
  mermaidErrorLine,
  readAccessibility,
  summariseMermaidError,
  wrapSequenceLabels,
} from '../../src/diagrams/meta.ts';

describe('readAccessibility', () => {
  test('reads accTitle and a one-line accDescr', () => {
    expect(readAccessibility('flowchart TD\n  accTitle: Grants\n  accDescr: Four questions.\n  A-->B')).toEqual({
      title: 'Grants',
      description: 'Four questions.',
    });
  });

  test('reads a multi-line accDescr block and joins its lines', () => {
    expect(
      readAccessibility('sequenceDiagram\naccTitle: Flow\naccDescr {\n  First line\n  second line.\n}\nA->>B: hi'),
    ).toEqual({
      title: 'Flow',
      description: 'First line second line.',
    });
  });

  test.each([
    [
      'flowchart TD\nA-->B',
      'Mermaid diagram has no accTitle: <name> and no accDescr: <one or two sentences> line. Add it after the diagram type so readers of assistive technology get a name and a text alternative.',
    ],
    [
      'flowchart TD\naccTitle: X\nA-->B',
      'Mermaid diagram has no accDescr: <one or two sentences> line. Add it after the diagram type so readers of assistive technology get a name and a text alternative.',
    ],
    [
      'flowchart TD\naccDescr: X\nA-->B',
      'Mermaid diagram has no accTitle: <name> line. Add it after the diagram type so readers of assistive technology get a name and a text alternative.',
    ],
  ])('tells the author what is missing in %j', (source, problem) => {
    expect(readAccessibility(source)).toEqual({ problem });
  });
});

describe('mermaidErrorLine', () => {
  test('finds the line a parse error points at', () => {
    expect(mermaidErrorLine('Parse error on line 3:\n...A --> \n---------^\nExpecting ...')).toBe(3);
  });
  test('returns undefined when the message names no line', () => {
    expect(mermaidErrorLine('No diagram type detected')).toBeUndefined();
  });
});

describe('summariseMermaidError', () => {
  test('keeps the first line and what Mermaid expected, not its ASCII pointer', () => {
    expect(
      summariseMermaidError("Parse error on line 3:\n...A -->\n-------^\nExpecting 'NODE_STRING', got 'EOF'"),
    ).toBe("Parse error on line 3: Expecting 'NODE_STRING', got 'EOF'");
  });
});

describe('wrapSequenceLabels', () => {
  test.each([
    ['C->>AS: POST /token grant_type=client_credentials', 'C->>AS: POST /token<br/>grant_type=client_credentials'],
    ['  AS-->>C: 200 OK access_token, expires_in', '  AS-->>C: 200 OK access_token,<br/>expires_in'],
    ['  C-)+AS: GET /v1/reports (Bearer token)', '  C-)+AS: GET /v1/reports<br/>(Bearer token)'],
    ['  Note over AS: Authenticate client, check scope', '  Note over AS: Authenticate client,<br/>check scope'],
    ['  Note right of C, AS: Short note', '  Note right of C, AS: Short note'],
    ['  C->>AS: Already<br/>broken by the author', '  C->>AS: Already<br/>broken by the author'],
    [
      '  accDescr: The client sends its credentials to the token endpoint.',
      '  accDescr: The client sends its credentials to the token endpoint.',
    ],
    ['  participant AS as Authorization Server', '  participant AS as Authorization Server'],
  ])('breaks %j between words only', (line, wrapped) => {
    expect(wrapSequenceLabels(`sequenceDiagram\n${line}`)).toBe(`sequenceDiagram\n${wrapped}`);
  });

  test('keeps a word longer than a line whole, on a line of its own', () => {
    expect(
      wrapSequenceLabels('sequenceDiagram\nA->>B: x grant_type=urn:ietf:params:oauth:grant-type:device_code y'),
    ).toBe('sequenceDiagram\nA->>B: x<br/>grant_type=urn:ietf:params:oauth:grant-type:device_code<br/>y');
  });

  test('leaves other diagram types alone', () => {
    const flowchart = 'flowchart TD\n  A-->|a label that is much longer than twenty characters| B';
    expect(wrapSequenceLabels(flowchart)).toBe(flowchart);
  });
});
