"""PressLens analysis: pure computation over a corpus of news articles (no UI imports)."""

__version__ = "0.1.0"
