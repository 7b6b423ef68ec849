"""yorisoi (寄り添い): casework system for hikikomori support."""

__version__ = "0.1.0"
