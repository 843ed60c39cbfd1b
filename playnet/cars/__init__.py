"""Cars: which car model a render shows, whatever its cosmetics, with its metadata in sqlite3 and Grad-CAM to show why.

Three modules, one notebook each: `data` (the garage database, splits on disk, the lazy dataset, augmentation),
`learner` (models, training, evaluation, figures, prediction, command lines) and `bench` (the benchmark and the
report section). Their public names are here too, each module imported on first use of one of its names."""
from ..core import lazy_package
__getattr__, __dir__ = lazy_package(__name__, ('data', 'learner', 'bench'))
