"""Operating-system adapters behind the protocols in ``platform.base``."""
