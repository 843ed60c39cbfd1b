"""Steam collection: store pages, screenshots and a multi-label genre dataset, resumable and polite.

Two modules, one notebook each: `client` (the genre taxonomy, the API key, HTTP with retries, a misbehaving Steam
look-alike for tests) and `collect` (scrape, download, dataset, and their command lines). Their public names are here
too, each module imported on first use of one of its names."""
from ..core import lazy_package
__getattr__, __dir__ = lazy_package(__name__, ('client', 'collect'))
