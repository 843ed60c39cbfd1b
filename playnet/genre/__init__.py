"""Genre: which of 12 genres a game is, from its screenshots.

Two modules, one notebook each: `learner` (the Atari genre set, splits by game, augmentation, the two-phase fine-tune,
prediction, the command lines) and `bench` (the seed's recipe against playnet's, the report section). Their public
names are here too, each module imported on first use of one of its names."""
from ..core import lazy_package
__getattr__, __dir__ = lazy_package(__name__, ('learner', 'bench'))
