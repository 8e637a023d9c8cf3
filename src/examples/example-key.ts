/**
 * The site's EXAMPLE signing key: its private half is published here on purpose so anyone can check and make the
 * signed ID tokens in the examples. Never use it for anything real. Its public half is public/examples/jwks.json.
 */
import type { PrivateJwk } from '../lib/oauth/jose.ts';

/** The private JWK of the example key (RS256, kid example-2026). Not a secret: it signs documentation examples only. */
export const EXAMPLE_PRIVATE_JWK: PrivateJwk = {
  kty: 'RSA',
  kid: 'example-2026',
  use: 'sig',
  alg: 'RS256',
  n: 'iNBAlqw2oPW5i5Rx3izR36-fVVQqKuCaUAN8EpAIGuzCzpHsGi9rEBp7hMHfRpvZrrIyM2dOvv7eAUOGzlC3hNypktAQv4DFArFXvd8j37Zmq0Z1ix6_2Ef2MddqIowlKcKNxhw_VrKWeyHH-1OuUExLUTcKqI8RP4fpFmYQz4XiJSbSyEQiuulO2iOz35HacGt1PXSz6WEvMwcGNAnaVt3Mg284YsuWgYJCzW2Laa42e2k1dyvzLUmSn9FkwNq73EPeTk27wySz_L2p-O-a9IIPW9tsrIzETDviIv3KHQGP7vq8NxroTnAQRr1mC5qZd9PX6pjTOm4QdT_le6iqXQ',
  e: 'AQAB',
  d: 'EoQIsbuV2xvWZCcPcA-lyb2ldTFiUZI7ICgQkxyOFELFrJpAF10igrfqzpFEa_RstgFk3OMW2693kTk31dVDuQX6JyXkll5Ri2c_5jD8VGsFoxlykAT11soKbj1mnk1UPD4Z3N12zv91cS2luIRfO3vP16p41U4jefMlXwQqM0OLKZntsbil5J590VMKEIvXoXSlZgCSLk4ExG0qZ73vFu6B86mglRTqsodtls0KV7tEfr-W_yfFpKhn7jnLdz8PMuPDEk_4eVxuMCuueaxNii8fZSxyKaHBdH0HsncRVq_OoANrcQ0EsHgVYhlKlqbUvnAyZxc5vV9AwSVtQR04aw',
  p: 'vfzIGhnm9MohYbtqicTOtK5jzdS2ObPxHOe6FmWhmLrHbMMpW3UU9jfMkRNvUf5WhMOfY5Mfw3mDbw77xvFYP9aOWMROtie1dKkWF1nOac5_gU-nUDlk3_GN5jVeWxOSTyeOFSvAfKVs5fs1iVN3yjeFzHHpml1LARvX1bK3lfM',
  q: 'uFmxtVQklx-3KKBWJz6gkIcghgoPXEu-OvL_Clzk1Wu5hnc_UYdk6-Vg5Dc2FZthu2L1Kju2CUXy8jTQFWrg1sw6yHSmmzzTFTosHyUlkrDzmgC4fu2Q5Jeukge4wJE-ubSecUJS6MRd16tojg4QNd2cFJV1Bl2BUp4F32yCQm8',
  dp: 'trv6zzgYr1v3TaRQ7Z_xXVHaxvAQMWIEyFON5drs2hTUmaUBE2mCtuumg-eYi9nA58Ose77Xr1Eh_OEBhDFAO26nzXNLbeK1oja7-8uyQIyQkRTHDd-WSdtxK3orfhhOAno-K9jANGN8YZwEu0ggEMzkkWcDVCjlanSYXX-fGsc',
  dq: 'cRLjA3vW7bMQXyTpcyzgw4V-l3i4Lz5uMi417R9JZPasVyPxfIp1hpOtOI386IfkDFIIWp1BbLKw74shTuG9g0LFk4qpXnKSbmS-B2R7hVxwLrfeckw5IV1AQGXoFoWAWdvFi2bI_-jiPpTujqNlogSJ5b4-h2b3Gbu_kmk2BJU',
  qi: 'a6g9w40l8aiz3kRZyw3WnEc-X-JYRLOrddP7z07JXWWJk2KeLuKkFNfaK0bK81GCXiNBF31tPXqaRKHewxiEejFFeZQvgCtEo2QQ6WfW6nNfb27kQz129ar0dPc4bsGm0q8AFV7sce9kig2-oGv4CPQDJOYyd1czT-dDF9pwPcw',
};
