/** Small hooks that keep the calculator's components free of effects bookkeeping. */

import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ChallengeMethod } from '../pkce.ts';
import { challengeFor, type ChallengeResult } from '../calculator.ts';
import { sha256 } from './adapters.ts';

/** False on the server and in the first client render, true once the island has hydrated. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** The challenge for the current verifier and method; never a stale one while a new one is computed. */
export function useChallenge(
  verifier: string,
  method: ChallengeMethod,
): { result: ChallengeResult | null; error: string | null } {
  const key = `${method}\n${verifier}`;
  const [done, setDone] = useState<{ key: string; result: ChallengeResult | null; error: string | null }>({
    key: '',
    result: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    challengeFor(verifier, method, sha256).then(
      (result) => current && setDone({ key, result, error: null }),
      (e: unknown) => current && setDone({ key, result: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return done.key === key ? done : { result: null, error: null };
}

/** Text for one polite live region; repeating a message still changes the text, so it is announced again. */
export function useAnnouncer(): [string, (message: string) => void] {
  const [said, setSaid] = useState({ message: '', count: 0 });
  const announce = useCallback((message: string) => setSaid((s) => ({ message, count: s.count + 1 })), []);
  return [said.count % 2 === 1 ? said.message : `${said.message}\u00a0`, announce];
}
