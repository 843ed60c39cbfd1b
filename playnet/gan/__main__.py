"`python -m playnet.gan`: the command line of `playnet.gan.learner`."
from .learner import train_cli
train_cli()
