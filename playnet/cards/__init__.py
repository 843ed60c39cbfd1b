"""Cards: playing-card identity and Balatro-style editions from table screenshots.

Four modules, one notebook each: `data` (catalogue, editions, tables, crops), `annotate` (k-NN assisted labelling and
its ipywidgets UI), `learner` (the multi-head learner, checkpoints, identification, command lines) and `bench`
(held-out benchmark, report section). Their public names are here too, each module imported on first use of one of
its names, so that the learner's command lines never import the annotation widget."""
from ..core import lazy_package
__getattr__, __dir__ = lazy_package(__name__, ('data', 'learner', 'annotate', 'bench'))
