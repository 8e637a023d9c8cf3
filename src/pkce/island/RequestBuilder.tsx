import { useEffect, useState } from 'preact/hooks';
import type { ChallengeMethod } from '../pkce.ts';
import {
  AUTHORIZATION_CODE_PLACEHOLDER,
  buildAuthorizationUrl,
  buildTokenCurl,
  type RequestField,
} from '../requests.ts';
import { newState } from './adapters.ts';
import { OutputBox } from './OutputBox.tsx';
import type { PkceText } from './text.ts';
import { TextField } from './TextField.tsx';

const DEFAULTS = {
  authorizationEndpoint: 'https://auth.example.com/authorize',
  tokenEndpoint: 'https://auth.example.com/oauth/token',
  clientId: 'example-client',
  redirectUri: 'https://app.example.com/callback',
  scope: 'openid profile',
  state: '',
};
type Fields = typeof DEFAULTS;

const INPUTS: { name: keyof Fields; label: string; code: boolean; type: 'text' | 'url' }[] = [
  { name: 'authorizationEndpoint', label: 'Authorization endpoint', code: false, type: 'url' },
  { name: 'tokenEndpoint', label: 'Token endpoint', code: false, type: 'url' },
  { name: 'clientId', label: 'client_id', code: true, type: 'text' },
  { name: 'redirectUri', label: 'redirect_uri', code: true, type: 'text' },
  { name: 'scope', label: 'scope', code: true, type: 'text' },
  { name: 'state', label: 'state', code: true, type: 'text' },
];

interface Props {
  id: string;
  text: PkceText;
  /** The valid code_verifier and its challenge, or nulls while there is none. */
  verifier: string | null;
  challenge: string | null;
  method: ChallengeMethod;
  disabled: boolean;
  onCopied: (what: string) => (copied: boolean) => void;
}

/** Builds the authorization URL and the token request (curl) for the current verifier and challenge. */
export function RequestBuilder(props: Props) {
  const { id, text, verifier, challenge, method, disabled, onCopied } = props;
  const [fields, setFields] = useState(DEFAULTS);
  useEffect(() => setFields((f) => ({ ...f, state: newState() })), []);
  const auth = buildAuthorizationUrl({ ...fields, codeChallenge: challenge ?? '', codeChallengeMethod: method });
  const token = buildTokenCurl({ ...fields, code: AUTHORIZATION_CODE_PLACEHOLDER, codeVerifier: verifier ?? '' });
  const problems: Partial<Record<RequestField, string>> = {};
  for (const built of [auth, token]) if (!built.ok) problems[built.field] = built.problem;
  const ready = challenge !== null && verifier !== null;
  const hint = ready ? undefined : text.requestsPending;
  return (
    // The heading (id-requests-heading) and the introduction come with text.requests.
    <section class="pkce-requests" aria-labelledby={`${id}-requests-heading`}>
      {text.requests}
      <div class="pkce-requests__fields">
        {INPUTS.map(({ name, label, code, type }) => (
          <TextField
            key={name}
            id={`${id}-${name}`}
            label={code ? <code>{label}</code> : label}
            type={type}
            value={fields[name]}
            disabled={disabled}
            problems={name in problems ? [problems[name as RequestField] ?? ''] : []}
            onInput={(value) => setFields((f) => ({ ...f, [name]: value }))}
          />
        ))}
      </div>
      <OutputBox
        id={`${id}-authorize`}
        label={text.authorizeLabel}
        value={ready && auth.ok ? auth.text : ''}
        copyLabel={text.copyAuthorize}
        rows={5}
        disabled={disabled}
        onCopied={onCopied('authorization URL')}
        {...(hint ? { hint } : {})}
      />
      <OutputBox
        id={`${id}-token`}
        label={text.tokenLabel}
        value={ready && token.ok ? token.text : ''}
        copyLabel={text.copyToken}
        rows={(ready && token.ok ? token.text.split('\n').length : 6) + 1}
        noWrap
        disabled={disabled}
        onCopied={onCopied('token request')}
        {...(hint ? { hint } : {})}
      />
      {text.requestsNote}
    </section>
  );
}
