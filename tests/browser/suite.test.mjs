// breachpage's published pages in a real browser (Debian's chromium, headless, through
// playwright-core): axe-core at phone and desktop widths, the Nu HTML Checker, no script,
// no request to another host, HTML+CSS under 30 KB, the accessibility properties the theme
// promises by design, print, and the CMS embeds inside a hostile host page.
//
//   cd tests/browser && npm ci && npm test
//
// Environment: BREACHPAGE_BIN (default: `cargo build`, then target/debug/breachpage),
// CHROMIUM (default /usr/bin/chromium), JAVA (default java), KEEP=1 keeps the built sites.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

import { serve } from './server.mjs';
import { SITES, binary, build, files, hostPage, isFragment, pageLang, REPO } from './sites.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(REPO, 'tests/browser/screenshots');

const WIDTHS = [375, 1280];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Best-practice rules that state what the theme promises by design (landmarks, one h1,
// heading order, a way to skip to the content); checked on full pages only.
const DESIGN_RULES = [
  'landmark-one-main', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo',
  'landmark-unique', 'page-has-heading-one', 'heading-order', 'region', 'skip-link',
  'empty-heading',
];
const BUDGET = 30 * 1024;

// ---- build every fixture site (before the tests are declared: they are per page) ----

const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'breachpage-browser-'));
const BIN = binary();
/** One entry per published HTML page: { site, page, label, file, url (set later), fragment }. */
const PAGES = [];
for (const site of SITES) {
  const out = path.join(WORK, 'sites', site.name);
  build(BIN, site, out);
  const published = files(out).filter((f) => f.endsWith('.html'));
  for (const page of Object.keys(site.pages)) {
    assert.ok(published.includes(page), `${site.fixture}: ${page} was not written`);
  }
  for (const page of published) {
    const file = path.join(out, page);
    const html = fs.readFileSync(file, 'utf8');
    const entry = {
      site: site.name,
      page,
      label: site.pages[page] ?? 'page',
      file,
      html,
      fragment: isFragment(page),
      path: `sites/${site.name}/${page.replace(/index\.html$/, '')}`,
    };
    if (entry.fragment) {
      // The fragment as pasted into a district page: a plain host and a hostile one.
      const lang = pageLang(html);
      const hosts = path.join(WORK, 'hosts', site.name);
      fs.mkdirSync(path.join(hosts, path.dirname(page)), { recursive: true });
      fs.writeFileSync(path.join(hosts, page), hostPage(html, { lang }));
      fs.writeFileSync(path.join(hosts, `${page}.hostile.html`), hostPage(html, { lang, hostile: true }));
      entry.hostFile = path.join(hosts, page);
      entry.path = `hosts/${site.name}/${page}`;
      entry.hostilePath = `hosts/${site.name}/${page}.hostile.html`;
    }
    PAGES.push(entry);
  }
}
const fullPages = PAGES.filter((p) => !p.fragment);
const fragments = PAGES.filter((p) => p.fragment);
const name = (p) => `${p.site}: ${p.page} (${p.label})`;

// ---- shared browser, server and Nu HTML Checker run ----------------------------------

let server;
let browser;
let vnu; // file → [message]

before(async () => {
  server = await serve(WORK);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  vnu = runVnu(PAGES.map((p) => p.hostFile ?? p.file));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (process.env.KEEP) console.log(`# sites kept in ${WORK}`);
  else fs.rmSync(WORK, { recursive: true, force: true });
});

/** A fresh page whose every request is checked: only the suite's own server may answer. */
async function open(pathname, { width = 1280, height = 900, media = 'screen' } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    javaScriptEnabled: true, // for axe and measurements only; the pages have no script
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const foreign = [];
  const loaded = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('response', (response) => {
    if (response.status() === 200) loaded.push(response.url());
  });
  await page.emulateMedia({ media });
  await page.goto(server.url + pathname, { waitUntil: 'load' });
  return { page, context, foreign, loaded };
}

async function axe(page, options) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate((opts) => window.axe.run(document, opts), options);
}

function describeViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes
      .slice(0, 5)
      .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`)
      .join('\n')}`)
    .join('\n');
}

function runVnu(list) {
  const java = process.env.JAVA ?? 'java';
  const result = spawnSync(
    java,
    ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--exit-zero-always', ...list],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(result.status, 0, `the Nu HTML Checker did not run: ${result.error ?? result.stderr}`);
  const byFile = new Map(list.map((f) => [f, []]));
  for (const message of JSON.parse(result.stderr || '{"messages":[]}').messages) {
    const file = decodeURIComponent(new URL(message.url).pathname);
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(message);
  }
  return byFile;
}

// ---- every page ----------------------------------------------------------------------

describe('Nu HTML Checker: zero errors', () => {
  for (const p of PAGES) {
    test(name(p), () => {
      const messages = vnu.get(p.hostFile ?? p.file) ?? [];
      const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
      assert.deepEqual(
        errors.map((m) => `line ${m.lastLine}: ${m.message}`),
        [],
        `${p.page} is not valid HTML`,
      );
    });
  }
});

describe('axe-core, WCAG 2.1 A and AA: zero violations', () => {
  for (const p of PAGES) {
    for (const width of WIDTHS) {
      test(`${name(p)} at ${width}px`, async () => {
        const { page, context, foreign } = await open(p.path, { width });
        try {
          const results = await axe(page, { runOnly: { type: 'tag', values: WCAG_TAGS } });
          assert.equal(results.violations.length, 0, describeViolations(results.violations));
          assert.ok(results.passes.length > 0, 'axe ran no rule');
          if (!p.fragment) {
            const design = await axe(page, { runOnly: { type: 'rule', values: DESIGN_RULES } });
            assert.equal(design.violations.length, 0, describeViolations(design.violations));
          }
          assert.deepEqual(foreign, [], 'requests to another host');
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe('fast and self-contained: no script, no other host, HTML+CSS under 30 KB', () => {
  for (const p of PAGES) {
    test(name(p), async () => {
      assert.doesNotMatch(p.html, /<script/i, 'a <script> element');
      assert.doesNotMatch(p.html, /\son[a-z]+\s*=/i, 'an inline event handler');
      assert.doesNotMatch(p.html, /javascript:/i, 'a javascript: address');
      assert.doesNotMatch(p.html, /<(iframe|object|embed|video|audio|source|picture)\b/i, 'embedded content');
      // The one image is the district's logo, from the site itself.
      for (const img of p.html.match(/<img\b[^>]*>/gi) ?? []) {
        assert.match(img, /^<img class="logo" src="(\.\.\/|\.\/)*logo\.(png|svg|jpe?g|webp)" alt="[^"]+"( lang="[a-z]{2,3}")?>$/, `an image other than the logo: ${img}`);
      }
      assert.doesNotMatch(p.html, /@import|url\(/i, 'CSS that loads something');
      const { page, context, foreign, loaded } = await open(p.path);
      try {
        assert.deepEqual(foreign, [], 'requests to another host');
        assert.equal(await page.locator('script').count(), 0);
        // What the browser fetched for the page (a fragment: only the fragment itself).
        let bytes = Buffer.byteLength(p.html);
        if (!p.fragment) {
          for (const url of loaded) {
            const local = decodeURIComponent(new URL(url).pathname);
            if (local.endsWith('.html') || local.endsWith('/')) continue;
            // The logo is an image, shared by every page and held to its own limit by check.
            if (/\/logo\.(png|svg|jpe?g|webp)$/.test(local)) continue;
            bytes += fs.statSync(path.join(WORK, local)).size;
          }
          assert.ok(loaded.some((u) => u.endsWith('.css')), 'the stylesheet was loaded');
        }
        assert.ok(bytes < BUDGET, `${bytes} bytes of HTML and CSS (budget ${BUDGET})`);
      } finally {
        await context.close();
      }
    });
  }
});

// ---- by design, on the full pages -----------------------------------------------------

describe('by design', () => {
  for (const p of fullPages) {
    test(`${name(p)}: landmarks, one h1, skip link, visible focus, link text`, async () => {
      const { page, context } = await open(p.path, { width: 375 });
      try {
        const facts = await page.evaluate(() => ({
          h1: document.querySelectorAll('h1').length,
          banner: document.querySelectorAll('body > header').length,
          main: document.querySelectorAll('main').length,
          footer: document.querySelectorAll('body > footer').length,
          lang: document.documentElement.lang,
        }));
        assert.equal(facts.h1, 1, 'exactly one h1');
        assert.deepEqual([facts.banner, facts.main, facts.footer], [1, 1, 1], 'header, main, footer');
        assert.ok(facts.lang, 'the page declares its language');

        // The first Tab shows the skip link; following it lands in <main>.
        await page.keyboard.press('Tab');
        const skip = await page.evaluate(() => {
          const a = document.activeElement;
          const box = a.getBoundingClientRect();
          return { cls: a.className, href: a.getAttribute('href'), top: box.top, height: box.height };
        });
        assert.equal(skip.cls, 'skip', 'the first Tab reaches the skip link');
        assert.equal(skip.href, '#main');
        assert.ok(skip.top >= 0 && skip.height > 0, 'the focused skip link is on screen');
        await page.keyboard.press('Enter');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

        // Every focusable element shows where the focus is.
        await page.evaluate(() => document.activeElement.blur());
        const unmarked = [];
        for (let i = 0; i < 300; i++) {
          await page.keyboard.press('Tab');
          const state = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const s = getComputedStyle(el);
            const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            const shadowed = s.boxShadow !== 'none';
            return { html: el.outerHTML.slice(0, 80), visible: outlined || shadowed };
          });
          if (!state) break;
          if (!state.visible) unmarked.push(state.html);
        }
        assert.deepEqual(unmarked, [], 'focus is not visible on');

        // Link text makes sense alone: no generic text, and one text, one destination.
        const links = await page.evaluate(() =>
          [...document.querySelectorAll('a[href]')].map((a) => ({
            text: (a.getAttribute('aria-label') ?? a.textContent).replace(/\s+/g, ' ').trim(),
            href: a.getAttribute('href'),
          })),
        );
        const generic = /^(click here|here|more|read more|read the full notice|learn more|link|details|this page)$/i;
        assert.deepEqual(links.filter((l) => generic.test(l.text)), [], 'generic link text');
        const seen = new Map();
        for (const l of links) {
          assert.ok(l.text.length > 0, `a link with no text: ${l.href}`);
          const before = seen.get(l.text.toLowerCase());
          assert.ok(!before || before === l.href, `"${l.text}" leads to ${before} and to ${l.href}`);
          seen.set(l.text.toLowerCase(), l.href);
        }
      } finally {
        await context.close();
      }
    });

    test(`${name(p)}: reflow at 320px, text at 200%`, async () => {
      const { page, context } = await open(p.path, { width: 320, height: 640 });
      try {
        const overflow = () =>
          page.evaluate(() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > width + 1)
              .map((el) => el.outerHTML.slice(0, 80));
            const clipped = [...document.querySelectorAll('body *')]
              .filter((el) => {
                const s = getComputedStyle(el);
                return /hidden|clip/.test(s.overflowX + s.overflowY) &&
                  (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
              })
              .map((el) => el.outerHTML.slice(0, 80));
            return { scroll: document.documentElement.scrollWidth - width, wide, clipped };
          });
        let result = await overflow();
        assert.equal(result.scroll, 0, `horizontal scrolling at 320px: ${result.wide.join(' | ')}`);
        assert.deepEqual(result.clipped, [], 'clipped content at 320px');
        // 200 % text on a desktop window, as a reader who enlarges text only.
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
        result = await overflow();
        assert.equal(result.scroll, 0, `horizontal scrolling with 200% text: ${result.wide.join(' | ')}`);
        assert.deepEqual(result.clipped, [], 'clipped content with 200% text');
        const sizes = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize));
        assert.ok(sizes >= 28, `text did not grow to 200% (${sizes}px)`);
      } finally {
        await context.close();
      }
    });

    test(`${name(p)}: dates in <time>, phone numbers as tel: links`, async () => {
      const { page, context } = await open(p.path);
      try {
        const found = await page.evaluate(() => {
          const months = 'January|February|March|April|May|June|July|August|September|October|November|December|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
          const dateRe = new RegExp(`\\b(${months})\\s+\\d{1,2},\\s+\\d{4}|\\b\\d{1,2}\\s+de\\s+(${months})\\s+de\\s+\\d{4}`, 'g');
          const phoneRe = /(?:\b1-)?\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b/g;
          const bareDates = [];
          const barePhones = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent;
            for (const m of text.matchAll(dateRe)) {
              if (!node.parentElement.closest('time')) bareDates.push(m[0]);
            }
            for (const m of text.matchAll(phoneRe)) {
              if (!node.parentElement.closest('a[href^="tel:"]')) barePhones.push(m[0]);
            }
          }
          const times = [...document.querySelectorAll('time')].map((t) => t.getAttribute('datetime'));
          const tels = [...document.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'));
          return { bareDates, barePhones, times, tels };
        });
        assert.deepEqual(found.bareDates, [], 'dates outside <time>');
        assert.deepEqual(found.barePhones, [], 'phone numbers that are not tel: links');
        for (const t of found.times) assert.match(t ?? '', /^\d{4}-\d{2}-\d{2}/, 'a machine-readable datetime');
        for (const t of found.tels) assert.match(t, /^tel:\+?\d+$/, 'a dialable tel: address');
      } finally {
        await context.close();
      }
    });
  }
});

// ---- every word for every reader ---------------------------------------------------------

// Words common in English text and not Spanish words: a text with two of them is English.
const ENGLISH = new Set(['the', 'and', 'you', 'your', 'was', 'were', 'with', 'this', 'that', 'have', 'has', 'will', 'what', 'from', 'for', 'our', 'their', 'are', 'of', 'to', 'is', 'in', 'on', 'by', 'or', 'it', 'be', 'if', 'we', 'not', 'who', 'how']);

/** The texts of `page` in English words that no element marks as English (lang="en"). */
async function unmarkedEnglish(page) {
  const texts = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text) continue;
      const lang = node.parentElement.closest('[lang]')?.getAttribute('lang') ?? '';
      if (!lang.startsWith('en')) out.push(text);
    }
    return out;
  });
  return texts.filter((text) => {
    const words = new Set(text.toLowerCase().match(/[a-z']+/g) ?? []);
    return [...words].filter((w) => ENGLISH.has(w)).length >= 2;
  });
}

describe('Spanish pages: no English text except what is marked lang="en"', () => {
  const spanish = fullPages.filter((p) => pageLang(p.html) === 'es');
  for (const p of spanish) {
    test(name(p), async () => {
      const { page, context } = await open(p.path);
      try {
        assert.deepEqual(await unmarkedEnglish(page), []);
      } finally {
        await context.close();
      }
    });
  }
  test('the check finds English that is not marked', async () => {
    const { page, context } = await open(spanish[0].path);
    try {
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'If you did not receive a letter, you were not affected.';
        document.querySelector('main').append(p);
      });
      assert.equal((await unmarkedEnglish(page)).length, 1);
    } finally {
      await context.close();
    }
  });
  test('the multi-group Spanish notice is among the pages checked', () => {
    assert.ok(spanish.some((p) => p.site === 'multi'), spanish.map(name).join(', '));
  });
});

// ---- screenshots (looked at by a person; see docs/development.md) --------------------------------------

describe('screenshots', () => {
  const shots = [
    ['full', 'index.html', 'index-current'],
    ['empty', 'index.html', 'index-all-clear'],
    ['full', 'notices/2026-11-10-sis-export/index.html', 'notice'],
    ['unknowns', 'notices/2026-11-20-email-compromise/index.html', 'notice-unknowns'],
    ['full', 'notices/2026-11-10-sis-export/media-release/index.html', 'media-release'],
    ['spanish', 'es/index.html', 'es-index'],
    ['spanish', 'es/notices/2026-11-16-bus-app/index.html', 'es-notice'],
    ['multi', 'notices/2026-10-28-sis-vendor/index.html', 'notice-groups'],
    ['multi', 'es/notices/2026-10-28-sis-vendor/index.html', 'es-notice-groups'],
    ['california', 'notices/2026-11-09-payroll-portal/index.html', 'ca-notice'],
    ['california', 'es/notices/2026-11-09-payroll-portal/index.html', 'ca-es-notice'],
    ['branded', 'index.html', 'branded-index'],
    ['branded', 'notices/2026-11-10-sis-export/index.html', 'branded-notice'],
    ['illinois', 'breaches/index.html', 'illinois-breach-list'],
  ];
  for (const [site, pagePath, label] of shots) {
    const p = PAGES.find((x) => x.site === site && x.page === pagePath);
    if (!p) continue;
    for (const width of WIDTHS) {
      test(`${label} at ${width}px`, async () => {
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const { page, context } = await open(p.path, { width, height: width < 600 ? 812 : 900 });
        try {
          await page.screenshot({ path: path.join(SCREENSHOTS, `${label}-${width}.png`), fullPage: true });
        } finally {
          await context.close();
        }
      });
    }
  }
});

// ---- print ------------------------------------------------------------------------------

/** Pages in a PDF made by Chromium (one `/Type /Page` object per page). */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('print', () => {
  const notices = PAGES.filter((p) => ['notice with every field', 'notice with unknown values', 'Spanish notice, translated', 'English notice of a bilingual site', 'California notice, mandated format', 'notice of a district with a long name'].includes(p.label));
  const releases = PAGES.filter((p) => p.page.endsWith('media-release/index.html'));
  const pdfName = (p) => `${p.site}-${p.page.replace(/\/index\.html$/, '').replace(/[/]/g, '-')}.pdf`;

  for (const notice of notices) {
    test(`${name(notice)} prints as a letter: no navigation, addresses of links shown`, async () => {
      const { page, context } = await open(notice.path, { media: 'print' });
      try {
        const printed = await page.evaluate(() => {
          const shown = (sel) => [...document.querySelectorAll(sel)].filter((el) => el.getClientRects().length > 0).length;
          const links = [...document.querySelectorAll('main a[href^="http"]')].map((a) => ({
            href: a.getAttribute('href'),
            text: a.textContent.trim(),
            url: a.classList.contains('url'),
            after: getComputedStyle(a, '::after').content,
          }));
          return {
            hidden: ['.skip', '.site-title', '.languages', '.site-footer', '.back'].map(shown),
            letterhead: shown('.district'),
            letter: ['.letter-head', '.letter-date', '.letter-salutation', '.letter-signature'].map(shown),
            links,
            url: [...document.querySelectorAll('.print-only')].map((el) => el.textContent).join(' '),
          };
        });
        assert.deepEqual(printed.hidden, [0, 0, 0, 0, 0], 'navigation printed (skip link, site title, languages, footer, back link)');
        assert.equal(printed.letterhead, 1, 'the district name heads the letter');
        assert.deepEqual(printed.letter, [1, 1, 1, 1], 'the letter\'s date, salutation and signature are printed');
        for (const link of printed.links) {
          if (link.url) {
            // The link text is the address itself (without https://): nothing to add.
            assert.ok(link.href.replace(/^https?:\/\/(www\.)?/, '').startsWith(link.text.replace(/^www\./, '')), `${link.text} is not ${link.href}`);
          } else {
            assert.ok(link.after.includes(link.href), `the address of "${link.text}" is not printed: ${link.after}`);
          }
        }
        assert.match(printed.url, /https:\/\/\S+\/notices\/[^/]+\//, 'the notice gives its own address');
        const pdf = await page.pdf({ format: 'Letter', printBackground: false });
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        fs.writeFileSync(path.join(SCREENSHOTS, pdfName(notice)), pdf);
      } finally {
        await context.close();
      }
    });
  }

  test('some printed notice has a link whose address must be printed', () => {
    const html = notices.map((p) => p.html).join('');
    assert.match(html, /<a href="https?:[^"]+">/, 'no link in a record to print the address of');
  });

  for (const release of releases) {
    test(`${name(release)} prints on one page`, async () => {
      const { page, context } = await open(release.path, { media: 'print' });
      try {
        const pdf = await page.pdf({ format: 'Letter', printBackground: false });
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        fs.writeFileSync(path.join(SCREENSHOTS, pdfName(release)), pdf);
        assert.equal(pdfPages(pdf), 1, 'pages printed');
        const hidden = await page.evaluate(() =>
          ['.skip', '.site-title', '.languages', '.site-footer'].map((s) => document.querySelector(s)?.getClientRects().length ?? 0));
        assert.deepEqual(hidden, [0, 0, 0, 0], 'site navigation printed on the release');
      } finally {
        await context.close();
      }
    });
  }
});

// ---- branding ----------------------------------------------------------------------------

describe('branding', () => {
  const branded = fullPages.filter((p) => /<img class="logo"/.test(p.html));

  test('some page has a logo', () => assert.ok(branded.length > 0));

  for (const p of branded) {
    test(`${name(p)}: the logo leaves the headline on a 375px phone screen`, async () => {
      const { page, context } = await open(p.path, { width: 375, height: 667 });
      try {
        const box = await page.evaluate(() => {
          const logo = document.querySelector('.logo').getBoundingClientRect();
          const h1 = document.querySelector('h1').getBoundingClientRect();
          return { logoHeight: logo.height, logoRight: logo.right, h1Bottom: h1.bottom, loaded: document.querySelector('.logo').naturalWidth > 0 };
        });
        assert.ok(box.loaded, 'the logo loaded');
        assert.ok(box.logoHeight <= 48.5, `the logo is ${box.logoHeight}px tall`);
        assert.ok(box.logoRight <= 375, 'the logo fits the width');
        assert.ok(box.h1Bottom <= 667, `the headline ends ${box.h1Bottom}px down a 667px screen`);
      } finally {
        await context.close();
      }
    });
  }

  for (const p of fullPages.filter((p) => /class="letter-head/.test(p.html))) {
    test(`${name(p)}: the letter's parts are for print only`, async () => {
      const { page, context } = await open(p.path, { width: 375 });
      try {
        const shown = await page.evaluate(() =>
          ['.letter-head', '.letter-signature'].map((sel) => document.querySelector(sel).getClientRects().length));
        assert.deepEqual(shown, [0, 0], 'letter parts shown on screen');
      } finally {
        await context.close();
      }
    });
  }
});

// ---- the embeds inside a district's CMS page ----------------------------------------------

const EMBED_PROPS = [
  'display', 'float', 'position', 'box-sizing', 'color', 'background-color', 'background-image',
  'font-family', 'font-size', 'font-style', 'font-weight', 'line-height', 'letter-spacing',
  'word-spacing', 'text-transform', 'text-align', 'text-indent', 'text-shadow',
  'text-decoration-line', 'list-style-type', 'box-shadow',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-top-style', 'border-top-color',
  'border-bottom-width', 'border-bottom-style', 'border-bottom-color',
  'border-left-width', 'border-left-style', 'border-right-width', 'border-right-style',
];

describe('embeds', () => {
  for (const p of fragments) {
    test(`${name(p)}: scoped, absolute links, the same look in a hostile host page`, async () => {
      assert.doesNotMatch(p.html, /<(style|link|script|html|head|body|main|h1)\b/i, 'the fragment carries page-level markup');
      assert.doesNotMatch(p.html, /\sclass=/i, 'a class the host could style');
      for (const id of p.html.matchAll(/\sid="([^"]+)"/g)) assert.match(id[1], /^breachpage-/, 'an unprefixed id');
      const site = SITES.find((s) => s.name === p.site);
      const baseUrl = /base_url\s*=\s*"([^"]+)"/.exec(
        fs.readFileSync(path.join(REPO, 'tests/fixtures', site.fixture, 'site.toml'), 'utf8'),
      )?.[1];
      for (const href of p.html.matchAll(/\shref="([^"]*)"/g)) {
        if (baseUrl) assert.ok(href[1].startsWith(baseUrl), `a link not under base_url: ${href[1]}`);
      }
      const styles = async (pathname) => {
        const { page, context, foreign } = await open(pathname, { width: 375 });
        try {
          assert.deepEqual(foreign, []);
          return await page.evaluate((props) => {
            const root = document.getElementById('host-slot').firstElementChild;
            return [root, ...root.querySelectorAll('*')].map((el) => {
              const s = getComputedStyle(el);
              return [el.tagName, ...props.map((prop) => `${prop}: ${s.getPropertyValue(prop)}`)];
            });
          }, EMBED_PROPS);
        } finally {
          await context.close();
        }
      };
      const plain = await styles(p.path);
      const hostile = await styles(p.hostilePath);
      for (let i = 0; i < plain.length; i++) {
        const changed = plain[i].filter((v, j) => v !== hostile[i][j]);
        assert.deepEqual(changed, [], `the host page changed <${plain[i][0]}> #${i}: ${changed.map((c, k) => `${c} → ${hostile[i].find((h) => h.split(':')[0] === c.split(':')[0])}`).join('; ')}`);
      }
      if (p.site === 'full') {
        for (const [host, where] of [['plain', p.path], ['hostile', p.hostilePath]]) {
          const { page, context } = await open(where, { width: 375 });
          try {
            fs.mkdirSync(SCREENSHOTS, { recursive: true });
            await page.locator('#host-slot').screenshot({ path: path.join(SCREENSHOTS, `embed-${path.basename(p.page, '.html')}-${host}-375.png`) });
          } finally {
            await context.close();
          }
        }
      }
    });
  }
});

// ---- a state's mandated layout ------------------------------------------------------------

// California Civ. Code §1798.29(d)(1): titled "Notice of Data Breach", the information under
// five headings in this order, in type no smaller than 10 points (13.33 CSS pixels).
const CA_TITLE = 'Notice of Data Breach';
const CA_HEADINGS = ['What Happened', 'What Information Was Involved', 'What We Are Doing', 'What You Can Do', 'For More Information'];
const TEN_POINTS_PX = 10 * 96 / 72;

describe('California: the mandated notice format', () => {
  const notices = PAGES.filter((p) => p.label.endsWith('California notice, mandated format'));
  test('both California notices are built', () => assert.equal(notices.length, 2));
  for (const notice of notices) {
    const spanish = notice.page.startsWith('es/');
    test(`${name(notice)}: the title and the five headings, in order`, async () => {
      const { page, context } = await open(notice.path);
      try {
        const { title, headings } = await page.evaluate(() => ({
          title: document.querySelector('main h1').textContent.trim(),
          headings: [...document.querySelectorAll('main h2')].map((h) => h.textContent.trim()),
        }));
        if (spanish) {
          // The Spanish words, with the law's English beside them (in lang="en").
          assert.match(title, new RegExp(`\\(${CA_TITLE}\\)$`));
          assert.deepEqual(headings.map((h) => /\(([^)]+)\)$/.exec(h)?.[1]), CA_HEADINGS);
          const english = await page.evaluate(() => [...document.querySelectorAll('main h2 span[lang="en"]')].length);
          assert.equal(english, CA_HEADINGS.length);
        } else {
          assert.equal(title, CA_TITLE);
          assert.deepEqual(headings, CA_HEADINGS);
        }
      } finally {
        await context.close();
      }
    });
    for (const [media, width] of [['screen', 375], ['screen', 1280], ['print', 1280]]) {
      test(`${name(notice)}: no text smaller than 10 points (${media}, ${width}px)`, async () => {
        const { page, context } = await open(notice.path, { media, width });
        try {
          const small = await page.evaluate((min) => {
            const found = [];
            const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const el = node.parentElement;
              if (!node.textContent.trim() || el.getClientRects().length === 0) continue;
              const size = parseFloat(getComputedStyle(el).fontSize);
              if (size < min - 0.01) found.push(`${el.tagName.toLowerCase()}.${el.className}: ${size}px "${node.textContent.trim().slice(0, 40)}"`);
            }
            for (const a of document.querySelectorAll('main a[href^="http"]')) {
              const after = getComputedStyle(a, '::after');
              if (after.content !== 'none' && parseFloat(after.fontSize) < min - 0.01) found.push(`a::after: ${after.fontSize}`);
            }
            return found;
          }, TEN_POINTS_PX);
          assert.deepEqual(small, [], 'text below 10 points');
        } finally {
          await context.close();
        }
      });
    }
  }
});

test('the suite covers every page type', () => {
  const labels = new Set(PAGES.map((p) => p.label));
  for (const site of SITES) for (const label of Object.values(site.pages)) assert.ok(labels.has(label), label);
  assert.ok(fragments.some((p) => p.page.endsWith('embed/notices.html')), 'the notice list embed');
});
