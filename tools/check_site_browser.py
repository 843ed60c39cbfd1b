#!/usr/bin/env python
"""Open the built docs site in headless Chromium, as a reader would: every page must render text and output blocks,
every image on it must load, and the home page and one system page are saved as screenshots."""
import argparse, asyncio, base64, io, json, shutil, subprocess, sys, tempfile, time
from pathlib import Path

from PIL import Image, ImageStat
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parent.parent
SITE, SHOTS = ROOT/'site', ROOT/'_proc'/'screenshots'
FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--no-first-run', '--remote-debugging-port=0', '--hide-scrollbars', '--allow-file-access-from-files']
SHOT_PAGES = ('index.html', 'cars.html')   # the home page and one system page
MAX_SHOT = 6000                             # screenshot height at most, pixels

# Runs in the page: wait until every image has loaded or failed, then report what a reader would see.
PROBE = """(async () => {
  for (const i of document.images) i.loading = 'eager';
  await Promise.all([...document.images].map(i => i.complete ? 0 : new Promise(r => { i.onload = i.onerror = r; })));
  const main = document.querySelector('article') || document.body;
  return JSON.stringify({
    title: document.title, text: main.innerText.trim().length,
    outputs: document.querySelectorAll('.jp-OutputArea-output').length,
    images: [...document.images].map(i => ({src: i.src.slice(0, 80), ok: i.complete && i.naturalWidth > 0}))});
})()"""


def find_chromium():
    exe = next((shutil.which(n) for n in ('chromium', 'chromium-browser', 'google-chrome') if shutil.which(n)), None)
    if exe is None: sys.exit("check_site_browser: Chromium is not installed (Debian: apt-get install chromium)")
    return exe


class Chromium:
    "A headless Chromium spoken to over the DevTools protocol; one tab."
    def __init__(self, exe, timeout=60):
        self.dir = tempfile.mkdtemp(prefix='playnet-chromium-')
        self.proc = subprocess.Popen([exe, *FLAGS, f'--user-data-dir={self.dir}', 'about:blank'],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file, t_end = Path(self.dir)/'DevToolsActivePort', time.time() + timeout
        while not (port_file.exists() and len(port_file.read_text().split()) >= 2):
            if self.proc.poll() is not None or time.time() > t_end: self.close(); sys.exit("check_site_browser: Chromium did not start")
            time.sleep(0.1)
        port, path = port_file.read_text().split()[:2]
        self.url, self.n, self.timeout = f'ws://127.0.0.1:{port}{path}', 0, timeout

    async def start(self):
        self.ws = await websocket_connect(self.url, max_message_size=256 << 20)
        target = (await self.send('Target.createTarget', url='about:blank'))['targetId']
        self.session = (await self.send('Target.attachToTarget', targetId=target, flatten=True))['sessionId']
        await self.send('Page.enable', session=True)
        await self.send('Emulation.setDeviceMetricsOverride', session=True, width=1280, height=900, deviceScaleFactor=1, mobile=False)

    async def send(self, method, session=False, **params):
        self.n += 1
        msg = dict(id=self.n, method=method, params=params, **({'sessionId': self.session} if session else {}))
        await self.ws.write_message(json.dumps(msg))
        while True:
            raw = await asyncio.wait_for(self.ws.read_message(), self.timeout)
            if raw is None: raise RuntimeError('Chromium closed the connection')
            r = json.loads(raw)
            if r.get('id') == self.n:
                if 'error' in r: raise RuntimeError(f"{method}: {r['error'].get('message')}")
                return r.get('result', {})

    async def open(self, url):
        "Load `url`, wait for every image, and return (what the page shows, PNG screenshot bytes)."
        await self.send('Page.navigate', session=True, url=url)
        for _ in range(100):   # until the document has loaded
            state = await self.send('Runtime.evaluate', session=True, expression='document.readyState', returnByValue=True)
            if state['result'].get('value') == 'complete': break
            await asyncio.sleep(0.1)
        r = await self.send('Runtime.evaluate', session=True, expression=PROBE, awaitPromise=True, returnByValue=True)
        seen = json.loads(r['result']['value'])
        size = (await self.send('Page.getLayoutMetrics', session=True))['cssContentSize']   # the whole page, up to MAX_SHOT pixels down
        clip = dict(x=0, y=0, width=1280, height=min(MAX_SHOT, max(900, int(size['height']))), scale=1)
        shot = await self.send('Page.captureScreenshot', session=True, format='png', captureBeyondViewport=True, clip=clip)
        return seen, base64.b64decode(shot['data'])

    def close(self):
        if self.proc.poll() is None: self.proc.terminate()
        try: self.proc.wait(10)
        except subprocess.TimeoutExpired: self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def blank(png:bytes)->bool:
    "A screenshot with (nearly) one colour: nothing rendered."
    st = ImageStat.Stat(Image.open(io.BytesIO(png)).convert('L'))
    return st.stddev[0] < 2


async def check(pages, exe):
    b, errs, rows = Chromium(exe), [], []
    try:
        await b.start()
        for p in pages:
            seen, png = await b.open((SITE/p).resolve().as_uri())
            bad = [i['src'] for i in seen['images'] if not i['ok']]
            if blank(png): errs.append(f"{p}: the page renders blank")
            if seen['text'] < 100: errs.append(f"{p}: the page shows almost no text ({seen['text']} characters)")
            if not seen['outputs']: errs.append(f"{p}: the page shows no cell outputs")
            if bad: errs.append(f"{p}: {len(bad)} image(s) did not load: {', '.join(bad[:3])}")
            if p in SHOT_PAGES:
                SHOTS.mkdir(parents=True, exist_ok=True); (SHOTS/p.replace('/', '_')).with_suffix('.png').write_bytes(png)
            rows.append((p, seen['outputs'], len(seen['images'])))
    finally: b.close()
    return errs, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('pages', nargs='*', help='pages under site/ (default: every page of the site)')
    a = ap.parse_args()
    if not (SITE/'index.html').is_file(): sys.exit("check_site_browser: site/index.html is missing: build the site first (make docs)")
    pages = a.pages or sorted(p.relative_to(SITE).as_posix() for p in SITE.glob('*.html') if p.name not in ('404.html', 'search.html'))
    errs, rows = asyncio.run(check(pages, find_chromium()))
    for p, n_out, n_img in rows: print(f"  {p:<24} {n_out:4d} outputs {n_img:4d} images")
    if errs: sys.exit("check_site_browser failed:\n  " + "\n  ".join(errs))
    print(f"site checked in Chromium: {len(rows)} pages render, every image loads; screenshots in {SHOTS.relative_to(ROOT)}/")


if __name__ == '__main__': main()
