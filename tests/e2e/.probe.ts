import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';

const dir = path.resolve('dist/chrome');
const udd = mkdtempSync(path.join(tmpdir(), 'lectern-probe-'));
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(readFileSync('samples/telesur-iraq-drone.html'));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as any).port;
const t0 = Date.now();
const context = await chromium.launchPersistentContext(udd, {
  executablePath: '/usr/bin/chromium',
  headless: false,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--remote-debugging-port=0'],
});
let [sw] = context.serviceWorkers();
if (!sw) sw = await context.waitForEvent('serviceworker');
const id = new URL(sw.url()).host;
sw.on('console', (m:any)=>console.log('SW console:', m.text()));
console.log('SW', await sw.evaluate(() => ({ origin: (globalThis as any).browser.runtime.getURL(''), id: (globalThis as any).browser.runtime.id, ua: navigator.userAgent })));
await sw.evaluate(() => { (globalThis as any).browser.runtime.onMessage.addListener((m:any, s:any) => { if (m.type==='probe') return Promise.resolve({x:1}); if (m.type==='probe2') return Promise.resolve(undefined); }); });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`http://127.0.0.1:${port}/samples/telesur-iraq-drone.html`);
const cdp = await context.browser()!.newBrowserCDPSession();
const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as any);
const tab = targetInfos.find((t: any) => t.url.includes('/samples/'));
const r = await cdp.send('Extensions.triggerAction' as any, { id, targetId: tab.targetId });
console.log('trigger', r, Date.now() - t0);
for (let i = 0; i < 50; i++) {
  const all = (await cdp.send('Target.getTargets', {} as any)).targetInfos;
  if (all.some((t: any) => t.url.includes('/src/popup/'))) break;
  await new Promise((r) => setTimeout(r, 100));
}
console.log('popup target', Date.now() - t0);
const devport = readFileSync(path.join(udd, 'DevToolsActivePort'), 'utf8').split('\n')[0];
const remote = await chromium.connectOverCDP(`http://127.0.0.1:${devport}`);
let popup;
for (let i = 0; i < 50 && !popup; i++) {
  for (const c of remote.contexts()) for (const p of c.pages()) if (p.url().startsWith(`chrome-extension://${id}/src/popup/`)) popup = p;
  if (!popup) await new Promise((r) => setTimeout(r, 100));
}
console.log('popup', popup?.url(), Date.now() - t0, remote.contexts().length, remote.contexts().map(c=>c.pages().map(p=>p.url())));
console.log(await popup!.evaluate(async()=>{ const c=(globalThis as any).chrome; const [tab]=await c.tabs.query({active:true,currentWindow:true}); const out:any={tab:tab?.url, hasBrowser: typeof (globalThis as any).browser};
 try{ out.tabres = JSON.stringify(await c.tabs.sendMessage(tab.id,{type:'content/extract'})).slice(0,200);}catch(e:any){out.taberr=e.message}
 try{ out.bgres = JSON.stringify(await c.runtime.sendMessage({type:'library/lookup', url:'https://x/'})); out.bogus = JSON.stringify(await c.runtime.sendMessage({type:'bogus'})); out.probe = JSON.stringify(await c.runtime.sendMessage({type:'probe'}));}catch(e:any){out.bgerr=e.message}
 return out;}));
popup!.on('console', m=>console.log('console:', m.text()));
for (let i=0;i<10;i++){ console.log(await popup!.evaluate(()=>[document.readyState, document.getElementById('status')?.textContent, document.getElementById('article')?.hidden, document.body.innerText.slice(0,200)])); await new Promise(r=>setTimeout(r,500)); }
await popup!.locator('article h1').waitFor();
console.log(await popup!.locator('article h1').innerText());
console.log(await popup!.evaluate(() => [innerWidth, innerHeight]));
await popup!.screenshot({ path: '/tmp/probe/p.png' });
console.log((await popup!.locator('article').innerText()).slice(0, 500));
// second trigger after closing
await popup!.close();
await new Promise(r=>setTimeout(r,300));
await cdp.send('Extensions.triggerAction' as any, { id, targetId: tab.targetId });
let popup2;
for (let i = 0; i < 50 && !popup2; i++) {
  for (const c of remote.contexts()) for (const p of c.pages()) if (p.url().startsWith(`chrome-extension://${id}/src/popup/`)) popup2 = p;
  if (!popup2) await new Promise((r) => setTimeout(r, 100));
}
console.log('popup2 on same remote', !!popup2);
await remote.close();
await context.close();
server.close();
console.log('done', Date.now() - t0);
