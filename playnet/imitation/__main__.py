"`python -m playnet.imitation`: the command line of `playnet.imitation.runtime`."
from .runtime import _main
_main()
