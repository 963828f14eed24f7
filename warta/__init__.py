"""warta: Indonesian online news into structured, searchable knowledge."""
__version__ = "0.1.0"
