#!/usr/bin/env python
"""Build the playnet docs site from nbs/ with nbdev's processors, mkdocs-material and mkdocs-jupyter, offline."""
import argparse, json, os, re, shutil, subprocess, sys, time
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROC = ROOT/'_proc'           # processed notebooks (docs/) and the generated mkdocs.yml
DOCS = PROC/'docs'
SITE = ROOT/'site'
MATHJAX = 'https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js?config=TeX-AMS_CHTML-full,Safe'  # pages only; the build is offline
sys.path.insert(0, str(ROOT))  # `import playnet` from the checkout, whatever the install state

import yaml
from execnb.nbio import read_nb, write_nb, mk_cell
from fastcore.xtras import working_directory
from nbdev.config import get_config
from nbdev.doclinks import nbglob
from nbdev.process import Processor, extract_directives
import nbdev.processors
from nbdev.processors import FilterDefaults, insert_warning


def slug(s):
    "The heading id mkdocs-jupyter gives `s` (lowercase; dots and other punctuation dropped)."
    return re.sub(r'[-\s]+', '-', re.sub(r'[^\w\s-]', '', s).strip().lower())


def page_name(src):
    "Page path for notebook `src`, as nbdev names it: `00_core.ipynb` -> `core.ipynb`."
    rel = src.relative_to(get_config().nbs_path)
    return rel.with_name(re.sub(r'^\d+[a-zA-Z0-9]*_', '', rel.name.lower()))


_re_quarto = re.compile(r'^\s*#\|\s*([\w-]+)\s*:\s*(.*?)\s*$')
_re_attr_link = re.compile(r'\[([^\]]*)\]\(([^)\s]+)\)\{([^}]*)\}')  # pandoc `[txt](url){attrs}`
_re_fence = re.compile(r'^```.*?^```', re.S | re.M)
_re_code_link = re.compile(r'\[(`[^`]*`)\]\([^)\s]*\)')  # nbdev links `names` even inside show_doc's code block

def _unlink_code(s): return _re_fence.sub(lambda m: _re_code_link.sub(r'\1', m[0]), s)


class mkdocs_cells(Processor):
    "Turn what nbdev leaves for Quarto into what mkdocs-jupyter renders: title cell, cell options, local links."
    def begin(self):
        cfg, fm = get_config(), getattr(self.nb, 'frontmatter_', {})
        self.title = fm.get('title') or Path(self.nb.path_).stem
        cells = self.nb.cells
        if cells and cells[0].cell_type == 'raw' and cells[0].source.startswith('---'): cells.pop(0)
        desc = fm.get('description')
        cells.insert(0, mk_cell(f'# {self.title}' + (f'\n\n> {desc}' if desc else ''), 'markdown'))
        depth = len(page_name(Path(self.nb.path_)).parts) - 1
        self.doc_url = re.compile(re.escape(f"{cfg.doc_host}{cfg.doc_baseurl}".rstrip('/') + '/') + r'([\w./-]+\.html)(?:#([^)\s"\']*))?')
        self.up = '../'*depth

    def _link(self, m): return self.up + m[1] + (f'#{slug(m[2])}' if m[2] else '')
    def _fix(self, s):
        s = self.doc_url.sub(self._link, s)
        return _re_attr_link.sub(lambda m: f'<a href="{m[2]}" {m[3]}>{m[1]}</a>', s)

    def cell(self, cell):
        cell.pop('has_sd', None)  # nbdev's in-memory marker; not a valid notebook key
        if cell.source == insert_warning.content: return cell.pop('source')
        if cell.cell_type == 'markdown': cell.source = self._fix(cell.source)
        if cell.cell_type != 'code': return
        lines, opts = cell.source.splitlines(), {}
        while lines and _re_quarto.match(lines[0]):
            k, v = _re_quarto.match(lines.pop(0)).groups()
            opts[k] = v.strip('"\'').lower()
        cell.source = '\n'.join(lines)
        if opts.get('include') == 'false': return cell.pop('source')  # dropped by NBProcessor
        if opts.get('output') == 'false': cell.outputs = []
        if opts.get('echo') == 'false':
            cell.metadata.setdefault('tags', []).append('remove_input')
        for o in cell.get('outputs', []):
            md = o.get('data', {}).get('text/markdown')
            if md is not None: o.data['text/markdown'] = _unlink_code(self._fix(''.join(md)))


IMAGE_TYPES = ('image/png', 'image/jpeg', 'image/svg+xml', 'image/gif')

def count_outputs(nb):
    "What the page of processed notebook `nb` must show: cells with outputs, outputs, and figures (image outputs)."
    cells = [c for c in nb.cells if c.cell_type == 'code' and c.get('outputs')]
    outs = [o for c in cells for o in c.outputs]
    return dict(cells=len(cells), outputs=len(outs), images=sum(any(t in o.get('data', {}) for t in IMAGE_TYPES) for o in outs))


def _skip_fn(skip_flags):
    "A `preproc` for `CaptureShell.run_all` that skips what `nbdev_test` skips."
    def _skip(cell):
        if cell.cell_type != 'code' or 'nbdev_export' + '(' in cell.source: return True
        d = extract_directives(cell, remove=False)
        return d.get('eval:', [''])[0].lower() == 'false' or bool(skip_flags & d.keys())
    return _skip


def process_nb(src, execute=False, skip_flags=(), timeout=None):
    "Execute (optionally) and process notebook `src` into `_proc/docs`; return (page, title, seconds, notes)."
    start = time.time()
    os.environ['IN_TEST'] = '1'  # as nbdev's own docs processing does
    nb, mixed = read_nb(src), []
    nbdev.processors.warn = mixed.append  # its only warning: a cell mixes imports and code (we report it briefly)
    with working_directory(src.parent):
        if execute:
            from execnb.shell import CaptureShell
            k = CaptureShell(src, timeout=timeout)
            try: k.run_all(nb, exc_stop=True, preproc=_skip_fn(set(skip_flags)))
            except BaseException:
                raise RuntimeError(f"{src.name}: a cell failed while executing (each cell may run {timeout}s, see --timeout):\n"
                                   f"{k.prettytb(fname=src)}") from None
        proc = FilterDefaults().nb_proc(nb)
        proc.procs = proc.procs + [mkdocs_cells(nb)]
        try: proc.process()
        except Exception as e: raise RuntimeError(f"{src.name}: nbdev's docs processing failed (to render show_doc it runs exported cells, "
                                        f"cells with imports and show_doc cells): {e}\n{e.__cause__ or ''}") from None
    dest = DOCS/page_name(src)
    dest.parent.mkdir(parents=True, exist_ok=True)
    write_nb(nb, dest)
    shown = dict(executed=bool(execute), **count_outputs(nb))
    # nbdev runs every cell with an import to render show_doc; say which ones, briefly.
    notes = [f"{src.name}: a cell mixes imports and other code, so nbdev runs it for show_doc at every build: "
             f"{m.split(chr(10))[2][:60]!r}..." for m in mixed]
    return dest.relative_to(DOCS).as_posix(), proc.procs[-1].title, time.time() - start, notes, shown


def find_nbs():
    "Notebooks nbdev documents, index first, then in file-name (number) order."
    nbs = sorted(nbglob(get_config().nbs_path, as_path=True), key=lambda p: (p.name != 'index.ipynb', str(p)))
    if not nbs or nbs[0].name != 'index.ipynb':
        sys.exit(f"build_docs: {get_config().nbs_path/'index.ipynb'} is missing; it is the docs home page (and the README source).")
    return nbs


def copy_assets(nbs_path):
    "Copy images and other non-notebook files from nbs/ so relative links in notebooks keep working."
    skip = {'.ipynb', '.yml', '.yaml'}
    for p in nbs_path.rglob('*'):
        rel = p.relative_to(nbs_path)
        if p.is_file() and p.suffix not in skip and not any(s.startswith(('.', '_')) for s in rel.parts):
            (DOCS/rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(p, DOCS/rel)


def write_mkdocs_yml(pages):
    "Write `_proc/mkdocs.yml`: material theme without web fonts, mkdocs-jupyter, nav in notebook order."
    cfg = get_config()
    conf = dict(
        site_name=cfg.get('title', cfg.lib_name), site_description=cfg.get('description', ''),
        site_url=f"{cfg.doc_host}{cfg.doc_baseurl}/", repo_url=cfg.git_url, edit_uri='',
        docs_dir='docs', site_dir='../site', use_directory_urls=False,  # core.ipynb -> core.html, as nbdev links
        theme=dict(name='material', font=False, features=['content.code.copy', 'navigation.top']),
        plugins=['search', {'mkdocs-jupyter': dict(
            include=['*.ipynb'], cache=False, include_requirejs=False, no_prompt=True, custom_mathjax_url=MATHJAX,
            remove_tag_config=dict(remove_input_tags=['remove_input']))}],
        nav=[{title: page} for page, title in pages])
    (PROC/'mkdocs.yml').write_text('# Generated by tools/build_docs.py; do not edit.\n' + yaml.safe_dump(conf, sort_keys=False))


def run_mkdocs():
    "Build `site/` with mkdocs; show its warnings, stop on failure."
    env = {**os.environ, 'NO_MKDOCS_2_WARNING': '1'}
    r = subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '--clean', '-f', str(PROC/'mkdocs.yml')],
                       cwd=ROOT, capture_output=True, text=True, env=env)
    out = r.stdout + r.stderr
    if r.returncode: sys.exit(f"build_docs: mkdocs build failed:\n{out}")
    for line in out.splitlines():
        if line.startswith(('WARNING', 'ERROR')): print(line)


def _modidx():
    "The `d` dict of playnet/_modidx.py, read without importing playnet."
    g = {}
    exec((get_config().lib_path/'_modidx.py').read_text(), g)
    return g['d']


_re_md_out = re.compile(r'<div class="[^"]*jp-RenderedMarkdown[^"]*jp-OutputArea-output[^"]*"[^>]*>(.*?)</div>', re.S)

def check_site(pages):
    "Check the site has every page, one per module in _modidx.py, with rendered show_doc API docs."
    errs, notes = [], []
    for page, _ in pages:
        if not (SITE/page).with_suffix('.html').is_file(): errs.append(f"no page site/{Path(page).with_suffix('.html')} for its notebook")
    n_docs = 0
    for mod, syms in _modidx()['syms'].items():
        html_pages = {url.split('#')[0] for url, _ in syms.values()}
        for hp in sorted(html_pages):
            f = SITE/hp
            if not f.is_file():
                errs.append(f"module {mod}: its page site/{hp} is missing (is _modidx.py stale? run nbdev_export)"); continue
            shown = ''.join(_re_md_out.findall(f.read_text(encoding='utf-8')))
            public = [s.split('.')[-1] for s in syms if s.count('.') == mod.count('.') + 1 and not s.split('.')[-1].startswith('_')
                      and syms[s][0].startswith(hp + '#')]
            found = [n for n in public if f'id="{slug(n)}"' in shown]
            n_docs += len(found)
            if public and not found: errs.append(f"module {mod}: no show_doc API docs rendered in site/{hp} (looked for {', '.join(public[:5])})")
            elif len(found) < len(public): notes.append(f"module {mod}: no show_doc for {', '.join(sorted(set(public) - set(found)))} in site/{hp}")
    for n in notes: print(f"build_docs: note: {n}")
    errs += check_outputs(pages)
    if errs: sys.exit("build_docs --check failed:\n  " + "\n  ".join(errs))
    return n_docs


_re_out_div = re.compile(r'<div class="[^"]*\bjp-OutputArea-output\b[^"]*"')
_re_img_src = re.compile(r'<img\b[^>]*\bsrc="([^"]*)"')

def check_outputs(pages):
    "Each page shows what its executed notebook displays: at least as many output blocks, the same number of figures; its images exist."
    f = PROC/'outputs.json'
    shown = json.loads(f.read_text()) if f.is_file() else {}
    errs = []
    for page, _ in pages:
        want, html_f = shown.get(page), (SITE/page).with_suffix('.html')
        if not want or not want['executed']:
            errs.append(f"{page}: built without executing its notebook, so it shows no outputs (build with --execute)"); continue
        if not html_f.is_file(): continue
        html = html_f.read_text(encoding='utf-8')
        blocks, srcs = len(_re_out_div.findall(html)), _re_img_src.findall(html)
        figs = sum(s.startswith('data:image/') for s in srcs)
        if want['cells'] == 0: errs.append(f"{page}: its notebook displays nothing (a page with no outputs)")
        if blocks < want['cells']: errs.append(f"{page}: {blocks} output blocks on the page, but {want['cells']} cells of its notebook display something")
        if figs != want['images']: errs.append(f"{page}: {figs} figures on the page, but its notebook displays {want['images']}")
        for src in srcs:
            if src.startswith(('data:', 'http://', 'https://')): continue
            if not (html_f.parent/src.split('#')[0].split('?')[0]).is_file(): errs.append(f"{page}: image {src} does not exist")
    return errs


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--check', action='store_true', help="then verify pages, API docs and outputs (fails on a site built without --execute)")
    p.add_argument('--execute', action='store_true', help="execute the notebooks (as tests: a failing cell fails the build) so the site shows their outputs")
    p.add_argument('--slow', action='store_true', help="with --execute, also run `#|slow` cells")
    p.add_argument('--timeout', type=int, default=600, help="seconds allowed per cell with --execute (default 600)")
    p.add_argument('--workers', type=int, default=None, help="notebooks processed at once (default 4, or 2 with --execute)")
    args = p.parse_args()
    start = time.time()
    os.chdir(ROOT)
    cfg = get_config()
    nbs = find_nbs()
    skip_flags = set(cfg.get('tst_flags', '').split()) - ({'slow'} if args.slow else set())
    shutil.rmtree(PROC, ignore_errors=True)
    DOCS.mkdir(parents=True)
    copy_assets(cfg.nbs_path)
    workers = min(len(nbs), args.workers or (2 if args.execute else 4))
    # One fresh process per notebook, as nbdev does: no state leaks between notebooks.
    with ProcessPoolExecutor(workers, mp_context=mp.get_context('spawn'), max_tasks_per_child=1) as ex:
        futs = [ex.submit(process_nb, nb, args.execute, skip_flags, args.timeout) for nb in nbs]
        res, fails = [], []
        for nb, f in zip(nbs, futs):
            try: res.append(f.result())
            except Exception as e: fails.append(str(e))
    if fails: sys.exit("build_docs: " + "\n\n".join(fails))
    for page, title, secs, notes, shown in res:
        print(f"  {page:<24} {secs:6.1f}s  {title}" + (f"  ({shown['outputs']} outputs, {shown['images']} figures)" if shown['executed'] else ''))
        for n in notes: print(f"build_docs: note: {n}")
    pages = [(page, title) for page, title, *_ in res]
    (PROC/'outputs.json').write_text(json.dumps({page: shown for page, _, _, _, shown in res}, indent=1))
    write_mkdocs_yml(pages)
    run_mkdocs()
    mode = 'executed' if args.execute else 'unexecuted'
    if args.check:
        n_docs = check_site(pages)
        n = json.loads((PROC/'outputs.json').read_text())
        print(f"docs check passed: {len(pages)} pages, {len(_modidx()['syms'])} modules, {n_docs} API docs, "
              f"{sum(v['outputs'] for v in n.values())} outputs and {sum(v['images'] for v in n.values())} figures shown, in {time.time()-start:.1f}s")
    else: print(f"docs built from {len(pages)} {mode} notebooks into {SITE.relative_to(ROOT)}/ in {time.time()-start:.1f}s")


if __name__ == '__main__': main()
