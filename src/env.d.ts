/** True when the build had no browser and diagrams are drawn in the reader's browser. */
declare const __MERMAID_CLIENT__: boolean;
