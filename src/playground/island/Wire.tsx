interface Props {
  label: string;
  text: string;
}

/** An HTTP message exactly as on the wire, in a scrollable block keyboard users can reach. */
export function Wire({ label, text }: Props) {
  return (
    <figure class="playground__wire">
      <figcaption>{label}</figcaption>
      <pre tabIndex={0} role="group" aria-label={label}>
        <code>{text}</code>
      </pre>
    </figure>
  );
}
