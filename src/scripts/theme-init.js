// Inline in <head>: applies the theme before first paint and wires the theme and menu buttons.
// Its SHA-256 is allowed by the CSP (astro.config.mjs), so edit it only through this file.
(()=>{const r=document.documentElement,q=matchMedia('(prefers-color-scheme: dark)');let s;try{s=localStorage.getItem('theme')}catch{}
const set=t=>{r.dataset.theme=t;const b=document.getElementById('theme-toggle');b&&b.setAttribute('aria-pressed',String(t==='dark'))};
set(s==='dark'||s==='light'?s:q.matches?'dark':'light');r.classList.add('js');
q.addEventListener('change',e=>{let k;try{k=localStorage.getItem('theme')}catch{}k||set(e.matches?'dark':'light')});
addEventListener('DOMContentLoaded',()=>{const t=document.getElementById('theme-toggle'),m=document.getElementById('menu-toggle');set(r.dataset.theme);
t&&(t.onclick=()=>{const n=r.dataset.theme==='dark'?'light':'dark';set(n);try{localStorage.setItem('theme',n)}catch{}});
m&&(m.onclick=()=>{const o=m.getAttribute('aria-expanded')!=='true';m.setAttribute('aria-expanded',String(o));r.classList.toggle('menu-open',o)});
const d=document.getElementById('search-dialog'),o=document.getElementById('search-open');
const open=()=>{if(!d||d.open)return;d.showModal();if(!d.dataset.loaded){d.dataset.loaded='1';const x=document.createElement('script');x.type='module';x.src=d.dataset.script;document.head.append(x)}};
o&&(o.onclick=open);
addEventListener('keydown',e=>{const k=e.key.toLowerCase(),t=e.target,typing=t instanceof HTMLElement&&(t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
if((k==='k'&&(e.metaKey||e.ctrlKey))||(k==='/'&&!typing)){e.preventDefault();open();return}
e.key==='Escape'&&m&&m.getAttribute('aria-expanded')==='true'&&(m.click(),m.focus())})})})()
