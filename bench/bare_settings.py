"""Settings for the load benchmark's server: the product's settings with the bench-only URLconf
(the product's URLs plus the bare floor view). Kept out of the product code."""

from fazhi.settings import *  # noqa: F403

ROOT_URLCONF = "bench.bare_urls"
SECURE_SSL_REDIRECT = False  # plain HTTP on loopback
