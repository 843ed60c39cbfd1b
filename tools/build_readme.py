#!/usr/bin/env python
"""Generate README.md from nbs/index.ipynb, executed, with nbconvert's markdown exporter (no Quarto needed):
its figures go to index_files/ as PNG files that the README references by relative path."""
import argparse, io, os, re, sys, tempfile
from pathlib import Path

import nbformat
import numpy as np
from nbconvert import MarkdownExporter
from traitlets.config import Config
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SRC, README, FIGS = ROOT/'nbs'/'index.ipynb', ROOT/'README.md', 'index_files'
sys.path.insert(0, str(ROOT))  # `import playnet` from the checkout, whatever the install state
HEADER = '<!-- WARNING: generated from nbs/index.ipynb by tools/build_readme.py (`make readme`); do not edit. -->\n\n'

_re_dir = re.compile(r'^\s*#\s*\|\s*(.*?)\s*$')           # an nbdev/Quarto directive line: `#| hide`, `#| eval: false`
_re_hide_line = re.compile(r'#\s*\|\s*hide_line\s*$')     # `code  #| hide_line`
_hidden = {'hide', 'export', 'exporti', 'default_exp', 'include: false', 'include:false'}


def _directives(src):
    "The directives of a code cell, e.g. {'hide', 'eval: false'}."
    return {m[1].lower() for m in map(_re_dir.match, src.splitlines()) if m}


def clean_nb(nb):
    "Drop hidden and exported cells and every `#|` line, as nbdev does for its README; `echo: false` keeps only the outputs."
    cells = []
    for c in nb.cells:
        if c.cell_type == 'code':
            dirs = _directives(c.source)
            if any(d in _hidden or d.split()[0] in _hidden for d in dirs if d): continue
            if {'echo: false', 'echo:false'} & dirs: c.metadata.setdefault('tags', []).append('remove_input')
            c.source = '\n'.join(l for l in c.source.splitlines() if not _re_dir.match(l) and not _re_hide_line.search(l))
        cells.append(c)
    nb.cells = cells
    return nb


def execute(src):
    "Notebook `src` executed in its folder, as `nbdev_test` runs it (cells flagged `slow` or `eval: false` skipped)."
    from execnb.nbio import read_nb, nb2str
    from execnb.shell import CaptureShell
    from fastcore.xtras import working_directory
    from nbdev.config import get_config
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from build_docs import _skip_fn   # the docs build's rule: what nbdev_test skips
    nb = read_nb(src)
    with working_directory(src.parent):
        k = CaptureShell(src)
        try: k.run_all(nb, exc_stop=True, preproc=_skip_fn(set(get_config().get('tst_flags', '').split())))
        except BaseException: sys.exit(f"build_readme: a cell of {src.name} failed:\n{k.prettytb(fname=src)}")
    return nbformat.reads(nb2str(nb), as_version=4)


def render(src=SRC):
    "README text and its figures ({path: PNG bytes}) for notebook `src`, executed."
    if not src.is_file(): sys.exit(f"build_readme: {src} is missing; it is the README source (the docs home page).")
    nb = clean_nb(execute(src))
    lang = nb.metadata.get('kernelspec', {}).get('language', 'python')
    nb.metadata.setdefault('language_info', {'name': lang})  # clean notebooks lack it; it names the code fences
    exp = MarkdownExporter(config=Config(TagRemovePreprocessor=dict(enabled=True, remove_input_tags={'remove_input'})))
    body, res = exp.from_notebook_node(nb, resources={'output_files_dir': FIGS, 'unique_key': 'index'})
    return HEADER + body.strip() + '\n', res.get('outputs', {})


_re_img = re.compile(r'!\[[^\]]*\]\(([^)\s]+)\)|<img [^>]*src="([^"]+)"')

def referenced_images(text):
    "Local image paths that markdown `text` shows."
    return [a or b for a, b in _re_img.findall(text) if not (a or b).startswith(('http://', 'https://', 'data:'))]


def same_picture(a:bytes, b:bytes)->bool:
    "Two images show the same picture: same size, pixels within rounding (PNG encoders may differ in bytes, not in pixels)."
    x, y = (np.asarray(Image.open(io.BytesIO(d)).convert('RGB'), dtype=np.int16) for d in (a, b))
    return x.shape == y.shape and float(np.abs(x - y).mean()) < 0.5


def check(text, files):
    "Problems of the committed README and figures against what the notebook generates now."
    errs = []
    old = README.read_text(encoding='utf-8') if README.exists() else ''
    if old != text: errs.append("README.md is out of date with nbs/index.ipynb")
    for name, data in files.items():
        f = ROOT/name
        if not f.is_file(): errs.append(f"{name} is missing")
        elif not same_picture(f.read_bytes(), data): errs.append(f"{name} differs from the figure nbs/index.ipynb makes now")
    extra = sorted(set(p.relative_to(ROOT).as_posix() for p in (ROOT/FIGS).glob('*')) - set(files)) if (ROOT/FIGS).is_dir() else []
    if extra: errs.append(f"{FIGS}/ holds files the README no longer uses: {', '.join(extra)}")
    missing = [p for p in referenced_images(old) if not (ROOT/p).is_file()]
    if missing: errs.append(f"README.md shows images that do not exist: {', '.join(missing)}")
    if not files: errs.append("the README shows no figure: nbs/index.ipynb displays none")
    return errs


def atomic_write(path, data):
    "Write `data` (str or bytes) to `path` via a temp file in the same folder and `os.replace`."
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f'.{path.name}.', suffix='.tmp')
    try:
        with os.fdopen(fd, 'wb') as f:
            f.write(data.encode('utf-8') if isinstance(data, str) else data)
            f.flush(); os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True); raise


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--check', action='store_true', help="exit 1 if README.md or its figures are not what nbs/index.ipynb generates")
    args = p.parse_args()
    text, files = render()
    if args.check:
        errs = check(text, files)
        if errs: sys.exit("build_readme --check failed (run `make readme` and commit README.md and index_files/):\n  " + "\n  ".join(errs))
        print(f"README.md and its {len(files)} figures are up to date with nbs/index.ipynb")
        return
    if (ROOT/FIGS).is_dir():
        for f in (ROOT/FIGS).glob('*'):
            if f.relative_to(ROOT).as_posix() not in files: f.unlink()
    for name, data in files.items(): atomic_write(ROOT/name, data)
    atomic_write(README, text)
    print(f"wrote README.md from nbs/index.ipynb" + (f" and {len(files)} figures in {FIGS}/" if files else ''))


if __name__ == '__main__': main()
