"""Cards: playing-card identity and Balatro-style editions from table screenshots.

The family is four modules, one notebook each: `data` (catalogue, editions, tables, crops), `annotate` (k-NN assisted
labelling and its ipywidgets UI), `learner` (the multi-head learner, checkpoints, identification, command lines) and
`benchmark` (held-out benchmark, report section). Their public names are here as well, each module loaded on the first
use of one of its names: `import playnet.cards` alone loads nothing, and the learner's names do not load ipywidgets."""
import importlib

_MODULES = ('data', 'learner', 'annotate', 'benchmark')   # looked up in this order: the learner does not import annotate

def __getattr__(name):
    if name.startswith('__'): raise AttributeError(name)
    for m in _MODULES:
        mod = importlib.import_module(f'{__name__}.{m}')
        if name in mod.__all__: return getattr(mod, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

def __dir__(): return sorted(set(globals()) | {n for m in _MODULES for n in importlib.import_module(f'{__name__}.{m}').__all__})
