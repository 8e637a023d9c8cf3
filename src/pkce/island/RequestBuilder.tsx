import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ChallengeMethod } from '../pkce.ts';
import {
  AUTHORIZATION_CODE_PLACEHOLDER,
  buildAuthorizationUrl,
  buildTokenCurl,
  type RequestField,
} from '../requests.ts';
import { newState } from './adapters.ts';
import { Heading } from './Heading.tsx';
import { OutputBox } from './OutputBox.tsx';
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
  headingLevel: number;
  /** The valid code_verifier and its challenge, or nulls while there is none. */
  verifier: string | null;
  challenge: string | null;
  method: ChallengeMethod;
  disabled: boolean;
  onCopied: (what: string) => (copied: boolean) => void;
  /** Server HTML (slots): what the requests are, and what to do with them. */
  intro: ComponentChildren;
  note: ComponentChildren;
}

/** Builds the authorization URL and the token request (curl) for the current verifier and challenge. */
export function RequestBuilder(props: Props) {
  const { id, headingLevel, verifier, challenge, method, disabled, onCopied } = props;
  const [fields, setFields] = useState(DEFAULTS);
  useEffect(() => setFields((f) => ({ ...f, state: newState() })), []);
  const auth = buildAuthorizationUrl({ ...fields, codeChallenge: challenge ?? '', codeChallengeMethod: method });
  const token = buildTokenCurl({ ...fields, code: AUTHORIZATION_CODE_PLACEHOLDER, codeVerifier: verifier ?? '' });
  const problems: Partial<Record<RequestField, string>> = {};
  for (const built of [auth, token]) if (!built.ok) problems[built.field] = built.problem;
  const ready = challenge !== null && verifier !== null;
  const hint = ready ? undefined : 'Filled in once the code verifier above is valid.';
  return (
    <section class="pkce-requests" aria-labelledby={`${id}-requests-heading`}>
      <Heading level={headingLevel} id={`${id}-requests-heading`}>
        Example requests
      </Heading>
      {props.intro}
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
        label="Authorization URL"
        value={ready && auth.ok ? auth.text : ''}
        copyLabel="Copy authorization URL"
        rows={5}
        disabled={disabled}
        onCopied={onCopied('authorization URL')}
        {...(hint ? { hint } : {})}
      />
      <OutputBox
        id={`${id}-token`}
        label="Token request (curl)"
        value={ready && token.ok ? token.text : ''}
        copyLabel="Copy token request"
        rows={(ready && token.ok ? token.text.split('\n').length : 6) + 1}
        noWrap
        disabled={disabled}
        onCopied={onCopied('token request')}
        {...(hint ? { hint } : {})}
      />
      {props.note}
    </section>
  );
}
