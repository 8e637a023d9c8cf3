import { describe, expect, test } from 'vitest';
import { readSettings } from '../src/settings.ts';

describe('readSettings', () => {
  test('defaults to the site at / with nothing set', () => {
    expect(readSettings({})).toEqual({ BASE_PATH: '/' });
  });

  test('reads every setting it knows and ignores other variables', () => {
    expect(
      readSettings({
        SITE_URL: 'https://docs.example.com',
        BASE_PATH: '/docs/',
        CHROMIUM_PATH: process.execPath,
        MERMAID_NO_BROWSER: '1',
        MERMAID_CACHE_DIR: '/tmp/cache',
        LINK_CHECK: '0',
        HOME: '/root',
      }),
    ).toEqual({
      SITE_URL: 'https://docs.example.com',
      BASE_PATH: '/docs/',
      CHROMIUM_PATH: process.execPath,
      MERMAID_NO_BROWSER: '1',
      MERMAID_CACHE_DIR: '/tmp/cache',
      LINK_CHECK: '0',
    });
  });

  test('treats an empty variable as unset', () => {
    expect(readSettings({ SITE_URL: '', CHROMIUM_PATH: '' })).toEqual({ BASE_PATH: '/' });
  });

  test.each([
    ['CHROMIUM_PATH', '/nonexistent', 'CHROMIUM_PATH: "/nonexistent" is not an executable file.'],
    ['CHROMIUM_PATH', '/tmp', 'CHROMIUM_PATH: "/tmp" is not an executable file.'],
    ['SITE_URL', 'docs.example.com', 'SITE_URL: Write an absolute http(s) URL, e.g. https://docs.example.com.'],
    ['BASE_PATH', 'docs', 'BASE_PATH: Write a path that starts and ends with "/", e.g. /docs/.'],
    ['MERMAID_NO_BROWSER', 'yes', 'MERMAID_NO_BROWSER: Write 1 or 0.'],
    ['LINK_CHECK', 'off', 'LINK_CHECK: Write 1 or 0.'],
  ])('rejects %s=%s, naming the variable', (name, value, message) => {
    expect(() => readSettings({ [name]: value })).toThrow(message);
  });
});
