/**
 * The quiz routes a reader can take, one per outcome of each decision tree, written out by hand as a reader
 * would check them (answers clicked, grant named, page linked, what the address records). tests/e2e/quiz.test.ts
 * drives them in Chromium and tests/engines/reader-flows.ts in Firefox and WebKit, so a change to a tree is one
 * edit here, not two copies that drift.
 */
export interface QuizRoute {
  readonly answers: readonly string[];
  readonly grant: string;
  readonly page: string;
  readonly encoded: string;
  readonly guidance?: string;
}

export const ARTICLE_ROUTES: readonly QuizRoute[] = [
  { answers: ['Yes'], grant: 'Client Credentials Grant', page: '/api-auth/grant/client-credentials/', encoded: 'yes' },
  {
    answers: ['No', 'Yes'],
    grant: 'Authorization Code Grant',
    page: '/api-auth/grant/authorization-code/',
    encoded: 'no.yes',
  },
  {
    answers: ['No', 'No', 'Yes'],
    grant: 'Resource Owner Password Credentials Grant',
    page: '/api-auth/grant/password/',
    encoded: 'no.no.yes',
    guidance: 'RFC 9700, section 2.4',
  },
  {
    answers: ['No', 'No', 'No', 'Native app'],
    grant: 'Authorization Code Grant with PKCE',
    page: '/api-auth/grant/authorization-code-pkce/',
    encoded: 'no.no.no.native-app',
  },
  {
    answers: ['No', 'No', 'No', 'SPA'],
    grant: 'Implicit Grant',
    page: '/api-auth/grant/implicit/',
    encoded: 'no.no.no.spa',
    guidance: 'RFC 9700, section 2.1.2',
  },
];

export const TODAY_ROUTES: readonly (QuizRoute & { why: string; title: string })[] = [
  {
    answers: ['Yes', 'Yes', 'Yes'],
    grant: 'Device Authorization Grant',
    page: '/api-auth/grant/device-code/',
    title: 'Device Authorization Grant',
    encoded: 'yes.yes.yes',
    why: 'RFC 8628',
  },
  {
    answers: ['Yes', 'Yes', 'No', 'Server-side web app', 'Calls an API'],
    grant: 'Authorization Code Grant with PKCE',
    page: '/api-auth/grant/authorization-code-pkce/',
    title: 'Authorization Code Grant with PKCE',
    encoded: 'yes.yes.no.server-side-web-app.calls-an-api',
    why: 'confidential clients too',
  },
  {
    answers: ['Yes', 'Yes', 'No', 'Server-side web app', 'Only signs users in'],
    grant: 'OpenID Connect sign-in (Authorization Code Grant with PKCE)',
    page: '/api-auth/sign-in-vs-api-access/',
    title: 'Sign-in or API access?',
    encoded: 'yes.yes.no.server-side-web-app.only-signs-users-in',
    why: 'section 3.1.3.7',
  },
  {
    answers: ['Yes', 'Yes', 'No', 'Single-page app', 'Yes'],
    grant: 'Authorization Code Grant with PKCE behind a backend-for-frontend',
    page: '/api-auth/browser-apps/',
    title: 'Browser-based apps',
    encoded: 'yes.yes.no.single-page-app.yes',
    why: 'RFC 10017 section 6.1.4.3',
  },
  {
    answers: ['Yes', 'Yes', 'No', 'Single-page app', 'No'],
    grant: 'Authorization Code Grant with PKCE',
    page: '/api-auth/grant/authorization-code-pkce/',
    title: 'Authorization Code Grant with PKCE',
    encoded: 'yes.yes.no.single-page-app.no',
    why: 'backend-for-frontend',
  },
  {
    answers: ['Yes', 'Yes', 'No', 'Native app'],
    grant: 'Authorization Code Grant with PKCE',
    page: '/api-auth/grant/authorization-code-pkce/',
    title: 'Authorization Code Grant with PKCE',
    encoded: 'yes.yes.no.native-app',
    why: 'RFC 8252',
  },
  {
    answers: ['Yes', 'No'],
    grant: 'Client-Initiated Backchannel Authentication (CIBA)',
    page: '/api-auth/grant/ciba/',
    title: 'Client-Initiated Backchannel Authentication (CIBA)',
    encoded: 'yes.no',
    why: 'RFC 10027',
  },
  {
    answers: ['No', 'Yes'],
    grant: 'Token Exchange',
    page: '/api-auth/grant/token-exchange/',
    title: 'Token Exchange',
    encoded: 'no.yes',
    why: 'RFC 8693',
  },
  {
    answers: ['No', 'No'],
    grant: 'Client Credentials Grant',
    page: '/api-auth/grant/client-credentials/',
    title: 'Client Credentials Grant',
    encoded: 'no.no',
    why: 'RFC 9700 section 2.5',
  },
];
