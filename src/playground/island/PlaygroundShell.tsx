import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { grantOfParam, PARAM, type GrantId } from '../grant-ids.ts';
import { webCryptoProblem } from '../web-crypto.ts';
import type { AppProps } from './PlaygroundApp.tsx';

interface Props {
  /** The one grant this playground runs (on a grant's page); all grants when absent. */
  grant?: GrantId | undefined;
  /** Level of the step headings. */
  headingLevel: 3 | 4 | 5;
}

/**
 * What hydrates with the page: a Start button, nothing more. The playground itself (the model, the steps) is
 * imported when the reader starts it, or at once when the address carries a shared scenario for this grant.
 */
export default function PlaygroundShell({ grant, headingLevel }: Props) {
  const [hydrated, setHydrated] = useState(false);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState('');
  const [app, setApp] = useState<{ App: ComponentType<AppProps>; focus: boolean } | null>(null);

  const start = async (focus: boolean) => {
    const missing = webCryptoProblem(globalThis);
    if (missing) return setProblem(missing);
    setLoading(true);
    try {
      const { default: App } = await import('./PlaygroundApp.tsx');
      setApp({ App, focus });
    } catch {
      setProblem('The playground’s code could not be loaded. Reload the page to try again.');
      setLoading(false);
    }
  };

  useEffect(() => {
    setHydrated(true);
    const shared = grantOfParam(new URLSearchParams(window.location.search).get(PARAM));
    if (shared && (grant === undefined || shared === grant)) void start(false);
  }, []);

  if (app) return <app.App fixedGrant={grant} headingLevel={headingLevel} focus={app.focus} />;
  return (
    <div class="playground__start">
      <button type="button" class="playground__button" disabled={!hydrated || loading} onClick={() => start(true)}>
        {loading ? 'Starting…' : 'Start the playground'}
      </button>
      {problem && (
        <p class="playground__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
