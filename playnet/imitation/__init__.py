"""Imitation: record a game's screen and keys, learn a policy, export it, and play the game in real time.

Four modules, one notebook each: `data` (the game, a scripted expert, recorded episodes, windows of frames and keys),
`policy` (the network, its fastai training, checkpoints, ONNX export), `runtime` (real-time runners, scoring, live
play, the command lines) and `dagger` (DAgger, scoring on unseen tracks, the CarRacing benchmark, the report
section). Their public names are here too, each module imported on first use of one of its names."""
from ..core import lazy_package
__getattr__, __dir__ = lazy_package(__name__, ('data', 'policy', 'runtime', 'dagger'))
