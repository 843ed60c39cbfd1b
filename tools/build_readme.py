#!/usr/bin/env python
"""Generate README.md from nbs/index.ipynb with nbconvert's markdown exporter (no Quarto needed)."""
import argparse, os, re, sys, tempfile
from pathlib import Path

import nbformat
from nbconvert import MarkdownExporter

ROOT = Path(__file__).resolve().parent.parent
SRC, README = ROOT/'nbs'/'index.ipynb', ROOT/'README.md'
HEADER = '<!-- WARNING: generated from nbs/index.ipynb by tools/build_readme.py (`make readme`); do not edit. -->\n\n'

_re_dir = re.compile(r'^\s*#\s*\|\s*(.*?)\s*$')           # an nbdev/Quarto directive line: `#| hide`, `#| eval: false`
_re_hide_line = re.compile(r'#\s*\|\s*hide_line\s*$')     # `code  #| hide_line`
_hidden = {'hide', 'export', 'exporti', 'default_exp', 'include: false', 'include:false'}


def _directives(src):
    "The directives of a code cell, e.g. {'hide', 'eval: false'}."
    return {m[1].lower() for m in map(_re_dir.match, src.splitlines()) if m}


def clean_nb(nb):
    "Drop hidden and exported cells and every `#|` line, as nbdev does for its README."
    cells = []
    for c in nb.cells:
        if c.cell_type == 'code':
            dirs = _directives(c.source)
            if any(d in _hidden or d.split()[0] in _hidden for d in dirs if d): continue
            c.source = '\n'.join(l for l in c.source.splitlines() if not _re_dir.match(l) and not _re_hide_line.search(l))
        cells.append(c)
    nb.cells = cells
    return nb


def render(src=SRC):
    "README text and output files (figures) for notebook `src`."
    if not src.is_file(): sys.exit(f"build_readme: {src} is missing; it is the README source (the docs home page).")
    nb = clean_nb(nbformat.read(src, as_version=4))
    lang = nb.metadata.get('kernelspec', {}).get('language', 'python')
    nb.metadata.setdefault('language_info', {'name': lang})  # clean notebooks lack it; it names the code fences
    body, res = MarkdownExporter().from_notebook_node(nb, resources={'output_files_dir': 'index_files'})
    return HEADER + body.strip() + '\n', res.get('outputs', {})


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
    p.add_argument('--check', action='store_true', help="exit 1 if README.md is not what nbs/index.ipynb generates")
    args = p.parse_args()
    text, files = render()
    if args.check:
        old = README.read_text(encoding='utf-8') if README.exists() else ''
        if old != text: sys.exit("README.md is out of date with nbs/index.ipynb: run `make readme` and commit README.md.")
        print("README.md is up to date with nbs/index.ipynb")
        return
    for name, data in files.items(): atomic_write(ROOT/name, data)
    atomic_write(README, text)
    print(f"wrote README.md from nbs/index.ipynb" + (f" and {len(files)} figures in index_files/" if files else ''))


if __name__ == '__main__': main()
