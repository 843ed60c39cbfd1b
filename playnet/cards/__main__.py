"`python -m playnet.cards`: the command line of `playnet.cards.learner`."
from .learner import identify_cli
identify_cli()
