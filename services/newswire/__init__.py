"""newswire: streaming ingestion of news articles into claims, stories and alerts."""

__version__ = "0.1.0"
