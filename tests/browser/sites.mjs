// The fixture sites the browser suite builds, and the pages each must publish.
//
// Adding a site (another language, another jurisdiction) is one more entry in SITES: every
// HTML file its build writes is checked; `pages` names the ones that must be there, with
// the page type they stand for in the report.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TODAY = '2026-11-22';

export const SITES = [
  {
    name: 'empty',
    fixture: 'empty-ny',
    pages: {
      'index.html': 'index, no current notices',
      'embed/banner.html': 'embed banner, all clear',
      'embed/notices.html': 'embed notice list, empty',
    },
  },
  {
    name: 'full',
    fixture: 'full-ny',
    pages: {
      'index.html': 'index with a current notice',
      'notices/2026-11-10-sis-export/index.html': 'notice with every field',
      'notices/2026-11-10-sis-export/media-release/index.html': 'media release',
      'notices/2025-06-02-library-app/index.html': 'resolved notice',
      'embed/banner.html': 'embed banner, current notice',
      'embed/notices.html': 'embed notice list',
    },
  },
  {
    name: 'unknowns',
    fixture: 'unknowns',
    pages: {
      'index.html': 'index with a current notice',
      'notices/2026-11-20-email-compromise/index.html': 'notice with unknown values',
      'embed/banner.html': 'embed banner, current notice',
      'embed/notices.html': 'embed notice list',
    },
  },
  // A logo, an accent colour and a very long district name (the media release must still
  // print on one page).
  {
    name: 'branded',
    fixture: 'branded',
    pages: {
      'index.html': 'index with a logo and an accent colour',
      'notices/2026-11-10-sis-export/index.html': 'notice of a district with a long name',
      'notices/2026-11-10-sis-export/media-release/index.html': 'media release of a district with a long name',
    },
  },
  // A bilingual site: the Spanish pages under /es/ (one notice translated, one not).
  {
    name: 'spanish',
    fixture: 'spanish',
    pages: {
      'index.html': 'index of a bilingual site, English',
      'es/index.html': 'Spanish index with a current notice',
      'notices/2026-11-16-bus-app/index.html': 'English notice of a bilingual site',
      'es/notices/2026-11-16-bus-app/index.html': 'Spanish notice, translated',
      'es/notices/2026-11-16-bus-app/media-release/index.html': 'Spanish media release',
      'es/notices/2025-03-03-gradebook/index.html': 'Spanish notice, not translated (English, marked)',
      'es/embed/banner.html': 'Spanish embed banner',
      'es/embed/notices.html': 'Spanish embed notice list',
    },
  },
  // One incident, three groups with their own counts, data and offers, the incident's help
  // line, questions and answers, links, how families are notified and updates; every text
  // translated into Spanish.
  {
    name: 'multi',
    fixture: 'multi-group',
    pages: {
      'notices/2026-10-28-sis-vendor/index.html': 'notice with groups, help line and questions',
      'es/notices/2026-10-28-sis-vendor/index.html': 'Spanish notice with groups, help line and questions',
    },
  },
  // A California site: notices in the layout Civil Code §1798.29(d) mandates.
  {
    name: 'california',
    fixture: 'california',
    pages: {
      'index.html': 'index of a California site',
      'notices/2026-11-09-payroll-portal/index.html': 'California notice, mandated format',
      'es/notices/2026-11-09-payroll-portal/index.html': 'Spanish California notice, mandated format',
    },
  },
  // Illinois, English and Spanish: the public list of breaches (105 ILCS 85/27(a)(5)), one
  // number withheld, one breach under 10% of enrolment left off.
  {
    name: 'illinois',
    fixture: 'illinois',
    pages: {
      'breaches/index.html': 'Illinois public list of breaches',
      'es/breaches/index.html': 'Illinois public list of breaches, Spanish',
      'index.html': 'index linking to the public list of breaches',
      'notices/2026-10-20-learnloop/index.html': 'Illinois notice of an operator\'s breach',
      'es/notices/2026-03-02-enrollment-forms/index.html': 'Illinois notice whose number the law withholds, Spanish',
    },
  },
];

/** The breachpage binary: $BREACHPAGE_BIN, or a fresh `cargo build` (debug). */
export function binary() {
  if (process.env.BREACHPAGE_BIN) return path.resolve(process.env.BREACHPAGE_BIN);
  execFileSync('cargo', ['build', '--quiet', '--locked'], { cwd: REPO, stdio: 'inherit' });
  return path.join(REPO, 'target/debug/breachpage');
}

/** Builds `site` into `out` with the suite's fixed date. */
export function build(bin, site, out) {
  execFileSync(
    bin,
    ['--root', path.join(REPO, 'tests/fixtures', site.fixture), 'build', '--today', TODAY, '--output', out],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
export function files(dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** A fragment meant to be pasted into another site's page. */
export const isFragment = (page) => /(^|\/)embed\//.test(page);

/** The `lang` a page declares (fragments: on their outermost element). */
export function pageLang(html) {
  return /<[a-z]+[^>]*\slang="([^"]+)"/i.exec(html)?.[1] ?? 'en';
}

// A stand-in for the district's own CMS page. `hostile` adds ordinary site-wide rules of
// the kind CMS themes carry; none of them may change how an embed looks.
export const HOSTILE_CSS = `
html { font-size: 22px; }
body { font: italic 15px/3 Georgia, serif; color: #555; background: #fdf6e3; letter-spacing: 2px; word-spacing: 6px; text-transform: uppercase; text-align: center; }
a, a:visited, a:hover { color: red; font-weight: 300; text-decoration: none; border-bottom: 4px dotted green; padding: 6px; }
ul, ol { list-style: square; margin: 3em; padding: 2em; background: #eee; }
li { float: left; margin: 1em; padding: 1em; border: 2px solid blue; }
h2 { font-size: 40px; color: purple; margin: 2em 0; text-shadow: 2px 2px 2px #000; border-bottom: 5px solid orange; }
h3 { font-size: 30px; font-family: "Comic Sans MS", cursive; }
p { margin: 3em; text-indent: 4em; font-size: 9px; }
section, div, aside, nav { padding: 40px; margin: 40px; background: #222; border: 9px double pink; box-shadow: 0 0 20px red; }
span, time { display: block; color: lime; font-size: 2em; }
* { box-sizing: content-box; }
`;

/** A minimal, valid host page around `fragment`. */
export function hostPage(fragment, { lang = 'en', hostile = false } = {}) {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>District home page</title>
${hostile ? `<style>${HOSTILE_CSS}</style>` : ''}
</head>
<body>
<header><p>District home page</p></header>
<main>
<h1>Welcome</h1>
<div id="host-slot">
${fragment}
</div>
<p>Other district news.</p>
</main>
</body>
</html>
`;
}
