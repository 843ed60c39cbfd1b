"`python -m playnet.capture`: the command line of `playnet.capture.recording`."
from .recording import _main
_main()
