"""Capture: the pixels of a game, the keys and mouse of its player, and recordings of both.

Three modules, one notebook each: `screen` (a display, mss grabs), `keys` (pynput key and mouse state, a key
controller) and `recording` (safe recordings, live recording, CarRacing in a window, `playnet_record`). Their public
names are here too, each module imported on first use of one of its names."""
from ..core import lazy_package
__getattr__, __dir__ = lazy_package(__name__, ('screen', 'keys', 'recording'))
