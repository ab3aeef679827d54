// node open-circuits.mjs URL N [SETTLE_MS]
// Opens N pages on URL in headless Chromium, waits until each has its Blazor circuit (a websocket on
// /_blazor that has received frames), prints "READY <n>", then keeps them idle until stdin closes or
// a line arrives; then closes the browser and prints "CLOSED". Loopback URLs only.
import { chromium } from 'playwright-core';
import readline from 'node:readline';

const [url, nArg, settleArg] = process.argv.slice(2);
const n = Number(nArg ?? 10);
const settle = Number(settleArg ?? 2000);
if (!url || !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url)) {
  console.error('usage: node open-circuits.mjs http://127.0.0.1:PORT/path N [SETTLE_MS]');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

async function openOne(i) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const circuit = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`page ${i}: no Blazor circuit within 30 s`)), 30000);
    page.on('websocket', ws => {
      if (!ws.url().includes('/_blazor')) return;
      let frames = 0;
      ws.on('framereceived', () => { if (++frames === 3) { clearTimeout(timer); resolve(); } });
    });
  });
  await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  await circuit;
  return page;
}

const pages = [];
const batch = 5; // a few at a time: the machine has 2 cores
for (let i = 0; i < n; i += batch) {
  const opened = await Promise.all(Array.from({ length: Math.min(batch, n - i) }, (_, k) => openOne(i + k)));
  pages.push(...opened);
}
await new Promise(r => setTimeout(r, settle));
console.log(`READY ${pages.length}`);

const rl = readline.createInterface({ input: process.stdin });
await new Promise(resolve => { rl.once('line', resolve); rl.once('close', resolve); });
await browser.close();
console.log('CLOSED');
process.exit(0);
