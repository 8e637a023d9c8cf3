import type { ComponentChildren } from 'preact';

/**
 * The calculator's fixed words and sentences. They are server HTML that PkceTool.astro passes in as Astro slots
 * (each slot is a prop of the island), so the island's script does not carry them a second time.
 */
export interface PkceText {
  /** What the calculator is and that it needs JavaScript; `data-hydrated` on the root picks the sentence shown. */
  intro?: ComponentChildren;
  /** The verifier field's label, and what a code_verifier may contain, under it. */
  verifierLabel?: ComponentChildren;
  verifierHint?: ComponentChildren;
  /** The length field's label and the button that generates a verifier. */
  lengthLabel?: ComponentChildren;
  generate?: ComponentChildren;
  /** The method group's legend, and why not to use plain, shown while plain is chosen. */
  methodLegend?: ComponentChildren;
  plain?: ComponentChildren;
  /** The challenge output's label, its copy button, and its hint while there is no challenge. */
  challengeLabel?: ComponentChildren;
  copyChallenge?: ComponentChildren;
  challengePending?: ComponentChildren;
  /** The steps disclosure: its summary, its text while there is no challenge, and with plain. */
  showSteps?: ComponentChildren;
  stepsPending?: ComponentChildren;
  stepsPlain?: ComponentChildren;
  /** The start of each S256 step's sentence; the step's value follows it. */
  stepAscii?: ComponentChildren;
  stepSha256?: ComponentChildren;
  stepBase64url?: ComponentChildren;
  /** The example requests' heading and introduction, and the note under them. */
  requests?: ComponentChildren;
  requestsNote?: ComponentChildren;
  /** The request outputs' labels and copy buttons, and their hint while there is no challenge. */
  authorizeLabel?: ComponentChildren;
  copyAuthorize?: ComponentChildren;
  tokenLabel?: ComponentChildren;
  copyToken?: ComponentChildren;
  requestsPending?: ComponentChildren;
  /** The pair checker's heading and introduction, its fields' labels, its method legend and its button. */
  check?: ComponentChildren;
  checkVerifierLabel?: ComponentChildren;
  checkChallengeLabel?: ComponentChildren;
  checkMethodLegend?: ComponentChildren;
  checkButton?: ComponentChildren;
}
