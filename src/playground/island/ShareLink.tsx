import { useState } from 'preact/hooks';
import { copyText, scenarioLink } from './browser.ts';

/** A link that replays this scenario (grant, steps, fields being edited), and a button that copies it. */
export function ShareLink({ param }: { param: string }) {
  const [copied, setCopied] = useState('');
  const link = scenarioLink(param);
  return (
    <div class="playground__share">
      <label for="playground-link">Link to this scenario</label>
      <input id="playground-link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        class="playground__button"
        onClick={async () =>
          setCopied(
            (await copyText(link)) ? 'Copied.' : 'The browser did not allow copying: select the link and copy it.',
          )
        }
      >
        Copy link
      </button>
      <span role="status">{copied}</span>
    </div>
  );
}
