// Runs Lighthouse (mobile, the default) on each URL given, in one Chromium,
// and prints one JSON object per line: {url, categories, failing}.
// The first argument is a JSON list of {url, allowErrorStatus}.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const pages = JSON.parse(process.argv[2]);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const page of pages) {
    const result = await lighthouse(page.url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
      // A "page not found" page must answer 404; Lighthouse refuses such pages otherwise.
      ignoreStatusCode: Boolean(page.allowErrorStatus),
    });
    const lhr = result.lhr;
    if (lhr.runtimeError) {
      console.log(JSON.stringify({url: page.url, error: lhr.runtimeError.message}));
      continue;
    }
    const categories = {};
    const failing = {};
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      categories[id] = category.score;
      failing[id] = category.auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 1)
        .map((ref) => {
          const audit = lhr.audits[ref.id];
          // Which URLs an audit complains about, e.g. the request behind a console error.
          const urls = (audit.details?.items || []).map((item) => item.sourceLocation?.url || item.url).filter(Boolean);
          return {id: ref.id, score: audit.score, value: audit.displayValue || '', urls};
        });
    }
    console.log(JSON.stringify({url: page.url, categories, failing}));
  }
} finally {
  await chrome.kill();
}
