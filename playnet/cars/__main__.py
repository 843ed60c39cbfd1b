"`python -m playnet.cars`: the command line of `playnet.cars.learner`."
from .learner import train_cli
train_cli()
