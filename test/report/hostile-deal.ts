/**
 * A deal whose every string is hostile: markup, script, formulas, quotes, control characters,
 * bidirectional overrides, emoji, right-to-left text and a 10,000-character name.
 */
export const LONG_NAME = `L${'o'.repeat(9_998)}g`;

export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>window.__pwned=1</script>',
  formula: '=HYPERLINK("http://x","click")',
  quotes: '"quotes" & ampersands',
  emoji: 'Zoë 👩🏽‍💻 🇨🇳 Chen',
  arabic: 'محمد الأحمد',
  hebrew: 'מנהל רכש',
  markdown: '*bold* | [x](javascript:alert(1)) _u_ `code` #h',
  ansi: '\u001b[31mred\u001b[0m\nnext line\u202eevil',
} as const;

export const hostileDeal = {
  schemaVersion: 1,
  id: 'hostile <deal> & "co"',
  name: '<b>Deal</b> & "co" =1+1 </svg><script>window.__pwned=1</script>',
  asOf: '2026-11-01',
  stage: { name: '<i>proposal</i>', progress: 0.6 },
  people: [
    { id: '__proto__', name: HOSTILE.img, title: "it's <b>bold</b>", department: '</g><script>alert(1)</script>', roles: ['decision-maker'], influence: 'decisive', stance: null },
    { id: 'constructor', name: HOSTILE.script, title: HOSTILE.hebrew, department: HOSTILE.arabic, reportsTo: '__proto__', roles: ['economic-buyer'], influence: 0.8, stance: 'skeptic' },
    { id: '=cmd', name: HOSTILE.formula, department: '"Finance" & Co', reportsTo: '__proto__', influence: 'high', stance: 'supporter' },
    { id: 'quote"id', name: HOSTILE.quotes, department: '"Finance" & Co', reportsTo: '=cmd', roles: ['user'], stance: 'champion', inProject: true },
    { id: 'emoji', name: HOSTILE.emoji, department: HOSTILE.arabic, reportsTo: 'constructor', roles: ['technical-buyer'], influence: 'medium', stance: { rating: -2 }, inProject: true },
    { id: 'rtl', name: HOSTILE.arabic, title: HOSTILE.hebrew, department: HOSTILE.arabic, reportsTo: 'constructor', roles: ['procurement'], influence: 'low', stance: 'neutral' },
    { id: 'long', name: LONG_NAME, title: LONG_NAME, department: '"Finance" & Co', reportsTo: '=cmd', influence: 'low', stance: 'opponent' },
    { id: 'md', name: HOSTILE.markdown, reportsTo: '=cmd', influence: 'low', stance: 'supporter', inProject: true },
    { id: 'a b/c\\d', name: '+1 555 0100', reportsTo: 'md', stance: 'neutral' },
    { id: 'ansi', name: HOSTILE.ansi, reportsTo: 'md', stance: -0.5 },
    { id: 'at', name: '@SUM(1+1)*cmd|/C calc', reportsTo: 'md', stance: 'supporter', roles: ['coach'], inProject: true },
    { id: 'minus', name: '-2+3', reportsTo: 'constructor', stance: null, roles: ['gatekeeper'] },
  ],
  relations: [
    { from: 'quote"id', to: '=cmd', kind: 'influences', weight: 0.6 },
    { from: 'emoji', to: 'constructor', kind: 'influences', weight: 0.5 },
    { from: 'constructor', to: '__proto__', kind: 'influences', weight: 0.5 },
    { from: 'quote"id', to: 'emoji', kind: 'conflict' },
    { from: 'md', to: 'long', kind: 'informs' },
  ],
  team: [{ id: 'rep', name: '<u>rep</u>' }],
  contacts: [
    { member: 'rep', person: 'quote"id', strength: 0.9, lastContact: '2026-10-02' },
    { member: 'rep', person: 'emoji', strength: 0.6 },
    { member: 'rep', person: 'at', strength: 0.4 },
    { member: 'rep', person: 'long', strength: 0.2 },
  ],
};
