"""GAN: a generative model that learns how a game looks, configured from an ini file.

Three modules, one notebook each: `model` (the config, generator, discriminator, DiffAugment, Frechet distance),
`learner` (game frames, fastai's `GANLearner`, runs, several processes, the command line) and `bench` (the
benchmark and the report section). Their public names are here too, each module imported on first use of one of
its names."""
from ..core import lazy_package
__getattr__, __dir__ = lazy_package(__name__, ('model', 'learner', 'bench'))
