"""Standar Pelayanan: public-service standards kept as validated YAML, published as a
website, posters and handbooks from one source. See README.md."""

__version__ = "0.1.0"
