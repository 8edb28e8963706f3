package web

import "strings"

// baseCSS is the style shared by the posting pages and the index; BRAND is
// replaced by the readable brand colour. Colours reach 4.5:1 on white:
// text #1F2328 (15.8:1), muted #4F5863 (7.3:1).
const baseCSS = `
:root{--brand:BRAND;--ink:#1F2328;--muted:#4F5863;--line:#D3D8DE;--tint:#F3F5F7}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:100%;line-height:1.5;color:var(--ink);background:#fff}
body{margin:0 auto;max-width:46rem;padding:0 1.25rem 2rem}
a{color:var(--brand);text-decoration:underline}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid var(--brand);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:1rem}
.banner{padding:1.5rem 0 1rem;border-bottom:3px solid var(--brand)}
.banner .company{margin:0;font-weight:700;font-size:1.15rem;color:var(--brand)}
.logo{display:block;height:48px;width:auto}
h1{font-size:2rem;line-height:1.2;margin:1.5rem 0 .75rem}
h2{font-size:1.3rem;color:var(--brand);margin:2rem 0 .5rem}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
p,ul{margin:.5rem 0}
li{margin:.25rem 0}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.5rem 1.5rem;margin:1rem 0;padding:1rem;background:var(--tint);border-radius:.25rem}
.facts div{margin:0}
.facts dt{font-size:.85rem;color:var(--muted)}
.facts dd{margin:0;font-weight:600}
.actions{margin:1.25rem 0}
.apply{display:inline-block;background:var(--brand);color:#fff;padding:.55rem 1.1rem;border-radius:.25rem;font-weight:600;text-decoration:none;margin-right:1rem}
footer{margin-top:2.5rem;padding-top:1rem;border-top:1px solid var(--line);color:var(--muted)}
@media print{
@page{margin:1.5cm}
html{font-size:10pt;line-height:1.35}
body{max-width:none;padding:0}
.skip,.actions,footer{display:none}
.banner{padding:0 0 .4rem}
h1{font-size:17pt;margin:.6rem 0 .4rem}
h2{font-size:12pt;margin:.8rem 0 .2rem;break-after:avoid}
h3{font-size:10.5pt;margin:.5rem 0 .1rem;break-after:avoid}
p,ul{margin:.25rem 0}
li{margin:.05rem 0;break-inside:avoid}
.facts{background:none;border:1px solid var(--line);padding:.4rem .6rem;margin:.4rem 0;gap:.2rem 1rem}
a{color:var(--ink);text-decoration:none}
}
`

// indexCSS adds the careers index's table and controls.
const indexCSS = `
body.index{max-width:72rem}
.intro{color:var(--muted)}
caption{text-align:left;margin-bottom:.25rem}
td.pay{white-space:nowrap}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:end;margin:1rem 0}
.filters label{display:block;font-size:.9rem;font-weight:600}
.filters input,.filters select{font:inherit;padding:.35rem .5rem;border:1px solid #6B7480;border-radius:.25rem;min-width:12rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;vertical-align:top;padding:.5rem .5rem;border-bottom:1px solid var(--line)}
th{font-size:.9rem}
th button{font:inherit;font-weight:700;color:var(--ink);background:none;border:0;padding:0;cursor:pointer;text-align:left}
th button::after{content:"\00a0\2195";color:var(--muted)}
th[aria-sort=ascending] button::after{content:"\00a0\2191"}
th[aria-sort=descending] button::after{content:"\00a0\2193"}
td:last-child a{white-space:nowrap}
@media (max-width:64rem){td.pay{white-space:normal}}
@media (max-width:48rem){td,th{display:block;border:0;padding:.15rem 0}tr{display:block;border-bottom:1px solid var(--line);padding:.5rem 0}thead{display:none}}
@media print{.filters{display:none}th button::after{content:""}}
`

// pageCSS is the style sheet of a posting page.
func pageCSS(brand string) string {
	return strings.TrimSpace(strings.ReplaceAll(baseCSS, "BRAND", brand))
}

// indexStyle is the style sheet of the careers index.
func indexStyle(brand string) string {
	return pageCSS(brand) + "\n" + strings.TrimSpace(indexCSS)
}
