// The page's only stylesheet, inline: system fonts, no images; the failures filter is CSS alone (:has).
export const REPORT_STYLE = `
:root{--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--muted:#656d76;--line:#d0d7de;--bg:#f6f8fa}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:16px 24px;color:#1f2328}
h1{font-size:22px;margin:4px 0}h2{font-size:18px;margin:0 0 8px}h3{font-size:15px;margin:14px 0 6px}h4{font-size:14px;margin:10px 0 4px}
.muted{color:var(--muted)}.meta span{margin-right:16px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:3px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--bg);font-weight:600}.num{text-align:right;white-space:nowrap}
.badge{display:inline-block;padding:0 6px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:var(--muted)}
.badge.passed{background:var(--ok)}.badge.failed{background:var(--bad)}.badge.incomplete{background:var(--warn)}
.lab{border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:16px 0}.lab.failed{border-left:5px solid var(--bad)}.lab.incomplete,.lab.unknown{border-left:5px solid var(--warn)}
.failure{background:#ffebe9;border:1px solid #ffcecb;border-radius:6px;padding:8px 12px}
.ended{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 12px}
dl{display:grid;grid-template-columns:110px 1fr;gap:2px 8px;margin:4px 0}dt{color:var(--muted)}dd{margin:0;min-width:0}
pre{margin:0;white-space:pre-wrap;word-break:break-word;font-size:12px}code{font-size:12px;background:var(--bg);padding:1px 4px;border-radius:4px;word-break:break-all}
.ck{border-top:1px dashed var(--line);padding:6px 0}.ck>p{margin:0}.ck i{color:var(--muted);font-style:normal}.ck.failed .title{color:var(--bad);font-weight:600}
.timeline td:first-child{width:38%}.timeline .d1 td:first-child{padding-left:22px;color:var(--muted)}.track{position:relative;width:40%;min-width:160px}
.track span{position:absolute;top:5px;height:10px;min-width:2px;border-radius:2px;background:var(--ok)}tr.failed .track span{background:var(--bad)}tr.incomplete .track span,tr.unknown .track span{background:var(--warn)}
.d1 .track span{opacity:.6}
.chart{display:block;margin:6px 0;max-width:100%;height:auto}.chart text{font-size:11px;fill:#1f2328}.chart .bad{fill:var(--bad)}
.bar-hits{fill:#8250df}.bar-others{fill:#54aeff}.bar-errors{fill:#cf222e}.band{fill:var(--ok);fill-opacity:.25;stroke:var(--ok)}
.mark-ok{stroke:var(--ok);stroke-width:3}.mark-bad{stroke:var(--bad);stroke-width:3}.mark-expected{stroke:#1f2328;stroke-dasharray:3 2}
.axis{stroke:var(--muted)}.weight-line{fill:none;stroke:#8250df;stroke-width:2}.dot-ok{fill:var(--ok)}.dot-bad{fill:var(--bad)}
.states td{font-size:12px}
.filter{margin:8px 0;display:block}
body:has(#only-failures:checked) .is-passed{display:none}
`;
