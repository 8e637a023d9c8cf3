import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import { CHROMIUM_ARGS } from '../../src/diagrams/find-browser.ts';

/** Flags for the system Chromium on build machines: the same as the build's and the tests'. */
export const CHROMIUM_FLAGS = CHROMIUM_ARGS;

export interface LighthouseResult {
  url: string;
  lighthouseVersion: string;
  formFactor: string;
  throttling: string;
  /** Category scores, 0–100. */
  scores: { performance: number; accessibility: number; bestPractices: number; seo: number };
  /** Largest Contentful Paint and Total Blocking Time in ms, Cumulative Layout Shift unitless. */
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  /** Audits that count towards a category score and did not pass: id, score and Lighthouse's short text. */
  failing: { id: string; title: string; score: number; displayValue?: string }[];
  warnings: string[];
}

/**
 * Runs Lighthouse with its default (mobile) preset on one URL: emulated mid-range phone, simulated slow 4G and
 * 4× CPU slowdown, in a Chromium started by chrome-launcher with CHROMIUM_FLAGS.
 */
export async function runLighthouse(
  url: string,
  chromePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_FLAGS, logLevel: 'error' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError)
      throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    // Audits that weigh in some category (weight > 0) and did not get full marks.
    const weighted = new Set(
      Object.values(lhr.categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => r.id)),
    );
    const failing = Object.values(lhr.audits)
      .filter((a) => weighted.has(a.id) && a.score !== null && a.score < 1)
      .map((a) => ({
        id: a.id,
        title: a.title,
        score: a.score!,
        ...(a.displayValue && { displayValue: a.displayValue }),
      }));
    return {
      url,
      lighthouseVersion: lhr.lighthouseVersion,
      formFactor: lhr.configSettings.formFactor,
      throttling: lhr.configSettings.throttlingMethod,
      scores: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
      },
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      fcpMs: numeric('first-contentful-paint'),
      failing,
      warnings: lhr.runWarnings,
    };
  } finally {
    chrome.kill();
  }
}
